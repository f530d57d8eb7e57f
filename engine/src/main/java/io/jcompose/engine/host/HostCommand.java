package io.jcompose.engine.host;

import io.jcompose.engine.fault.EngineFault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one host tool ({@code ip}, {@code iptables}, {@code runc}, {@code mount} ...) to completion
 * and collects its output. The engine talks to the kernel through these tools, as the recipes it
 * follows were verified with them.
 */
public final class HostCommand {

  /** Long enough for any tool the engine runs; a hung tool is killed and reported. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private static final List<Path> SYSTEM_DIRECTORIES =
      List.of(
          Path.of("/usr/local/sbin"),
          Path.of("/usr/local/bin"),
          Path.of("/usr/sbin"),
          Path.of("/usr/bin"),
          Path.of("/sbin"),
          Path.of("/bin"));

  private HostCommand() {}

  /** What a finished command printed and returned. */
  public record Result(List<String> argv, int exitCode, String stdout, String stderr) {
    public Result {
      argv = List.copyOf(argv);
      Objects.requireNonNull(stdout, "stdout");
      Objects.requireNonNull(stderr, "stderr");
    }

    public boolean succeeded() {
      return exitCode == 0;
    }

    /**
     * @throws EngineFault.Internal naming the command, its exit code and what it printed on stderr
     */
    public Result orThrow() {
      if (exitCode != 0) {
        throw new EngineFault.Internal(
            String.join(" ", argv) + " failed with exit code " + exitCode + ": " + stderr.strip(),
            null);
      }
      return this;
    }
  }

  public static Result run(String... argv) {
    return run(List.of(argv), Optional.empty(), DEFAULT_TIMEOUT);
  }

  public static Result run(List<String> argv) {
    return run(argv, Optional.empty(), DEFAULT_TIMEOUT);
  }

  /**
   * @param stdin text written to the command's standard input, then closed
   * @throws EngineFault.Unavailable when the tool cannot be started
   * @throws EngineFault.Internal when it outlives {@code timeout} (it is killed)
   */
  /** Runs {@code argv} in {@code directory} (its relative paths resolve there). */
  public static Result run(List<String> argv, Path directory) {
    return run(argv, Optional.empty(), DEFAULT_TIMEOUT, Optional.of(directory));
  }

  public static Result run(List<String> argv, Optional<String> stdin, Duration timeout) {
    return run(argv, stdin, timeout, Optional.empty());
  }

  private static Result run(
      List<String> argv, Optional<String> stdin, Duration timeout, Optional<Path> directory) {
    Process process;
    try {
      var builder = new ProcessBuilder(argv);
      directory.ifPresent(path -> builder.directory(path.toFile()));
      process = builder.start();
    } catch (IOException e) {
      throw new EngineFault.Unavailable("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
    }
    CompletableFuture<String> stdout = drain(process.getInputStream());
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    try (OutputStream input = process.getOutputStream()) {
      if (stdin.isPresent()) {
        input.write(stdin.get().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the tool exited without reading its input; its exit code tells what happened
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new EngineFault.Internal(
            String.join(" ", argv) + " did not finish within " + timeout.toSeconds() + "s", null);
      }
      return new Result(argv, process.exitValue(), stdout.join(), stderr.join());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new EngineFault.Internal("interrupted while running " + argv.get(0), e);
    }
  }

  /**
   * Where a tool is installed, looked up in the system directories ({@code runc} is in {@code
   * /usr/sbin} on Debian, which a non-login PATH may lack).
   *
   * @throws EngineFault.Unavailable naming the Debian package that provides it
   */
  public static Path require(String tool, String debianPackage) {
    for (Path directory : SYSTEM_DIRECTORIES) {
      Path candidate = directory.resolve(tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new EngineFault.Unavailable(
        tool
            + " is not installed; the bundled engine needs it (Debian/Ubuntu: apt-get install -y "
            + debianPackage
            + ")",
        null);
  }

  /**
   * Reads a stream to its end on a thread of its own: stdout and stderr must be drained at the same
   * time, or a tool that fills one pipe while the other is read blocks forever.
   */
  private static CompletableFuture<String> drain(InputStream stream) {
    var text = new CompletableFuture<String>();
    var reader =
        new Thread(
            () -> {
              try (stream) {
                var buffer = new ByteArrayOutputStream();
                stream.transferTo(buffer);
                text.complete(buffer.toString(StandardCharsets.UTF_8));
              } catch (IOException e) {
                text.completeExceptionally(new UncheckedIOException(e));
              }
            },
            "host-command-output");
    reader.setDaemon(true);
    reader.start();
    return text;
  }
}
