package io.jcompose.engine.runtime;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.oci.ProcessUser;
import io.jcompose.engine.oci.UserSpec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code runc exec} in the foreground: runc passes the process's exit status through and its
 * stdio is runc's own. The process's host pid goes to a pid file, so a timeout kills the process
 * itself rather than only runc.
 */
final class RuncExec {

  /** Output kept per stream; the rest is read and dropped so the process never blocks. */
  static final int OUTPUT_LIMIT = 1024 * 1024;

  private static final int RUNC_FAILURE = 255;
  private static final Duration REAP_LIMIT = Duration.ofSeconds(10);

  private final Runc runc;
  private final ThreadFactory threads;

  RuncExec(Runc runc, ThreadFactory threads) {
    this.runc = runc;
    this.threads = threads;
  }

  ExecResult run(String containerId, Path bundle, ExecRequest request) throws InterruptedException {
    Path pidFile = bundle.resolve("exec-" + UUID.randomUUID() + ".pid");
    List<String> argv = argv(containerId, pidFile, request, false);
    Process process;
    try {
      process =
          new ProcessBuilder(argv).redirectInput(Redirect.from(new File("/dev/null"))).start();
    } catch (IOException e) {
      throw new EngineFault.Unavailable("cannot run runc exec: " + e.getMessage(), e);
    }
    CapturedOutput stdout = drain(process.getInputStream());
    CapturedOutput stderr = drain(process.getErrorStream());
    boolean timedOut = false;
    try {
      if (!process.waitFor(request.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        timedOut = true;
        kill(process, pidFile);
      }
      return result(
          containerId, process.exitValue(), stdout.awaitBytes(), stderr.awaitBytes(), timedOut);
    } catch (InterruptedException e) {
      kill(process, pidFile);
      throw e;
    } finally {
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        // left in the bundle, removed with it
      }
    }
  }

  /**
   * Starts an exec whose stdio the caller streams; with {@code terminal}, under {@code script} so
   * that runc has a pty to relay the container's console to.
   */
  ExecSession start(
      String containerId,
      Path bundle,
      ExecRequest request,
      boolean terminal,
      Optional<TerminalSize> size) {
    Path pidFile = bundle.resolve("exec-" + UUID.randomUUID() + ".pid");
    List<String> argv = argv(containerId, pidFile, request, terminal);
    if (terminal) {
      // runc gives the container's console the size of its own terminal, script's pty
      String command =
          size.map(given -> "stty rows " + given.rows() + " cols " + given.columns() + "; exec ")
                  .orElse("exec ")
              + shellQuoted(argv);
      argv = List.of("script", "--quiet", "--return", "--command", command, "/dev/null");
    }
    var builder = new ProcessBuilder(argv);
    builder.environment().put("SHELL", "/bin/sh");
    try {
      return new ExecSession(builder.start(), pidFile, terminal);
    } catch (IOException e) {
      throw new EngineFault.Unavailable("cannot run runc exec: " + e.getMessage(), e);
    }
  }

  private List<String> argv(
      String containerId, Path pidFile, ExecRequest request, boolean terminal) {
    List<String> argv = runc.command("exec", "--pid-file", pidFile.toString());
    if (terminal) {
      argv.add("--tty");
    }
    for (String entry : request.env()) {
      argv.addAll(List.of("--env", entry));
    }
    request.cwd().ifPresent(cwd -> argv.addAll(List.of("--cwd", cwd)));
    if (request.user().isPresent()) {
      ProcessUser user = UserSpec.parse(request.user().get()).resolve(rootfsOf(containerId));
      argv.addAll(List.of("--user", user.uidGid()));
      for (long gid : user.additionalGids()) {
        argv.addAll(List.of("--additional-gids", Long.toString(gid)));
      }
    }
    argv.add(containerId);
    argv.addAll(request.args());
    return argv;
  }

  /** One {@code sh -c} word per argument. */
  private static String shellQuoted(List<String> argv) {
    var text = new StringBuilder();
    for (String argument : argv) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append('\'').append(argument.replace("'", "'\\''")).append('\'');
    }
    return text.toString();
  }

  private Path rootfsOf(String containerId) {
    return runc.state(containerId)
        .orElseThrow(() -> new EngineFault.NotFound("No such container: " + containerId))
        .rootfs();
  }

  /** Kills the exec'd process (so runc reports 137), then runc itself if it lingers. */
  private static void kill(Process process, Path pidFile) throws InterruptedException {
    try {
      String pid = Files.readString(pidFile).strip();
      ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
    } catch (IOException | NumberFormatException e) {
      process.destroyForcibly();
    }
    if (!process.waitFor(REAP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  private static ExecResult result(
      String containerId, int exitCode, byte[] stdout, byte[] stderr, boolean timedOut) {
    String errorText = new String(stderr, StandardCharsets.UTF_8);
    int dockerCode = exitCode;
    if (exitCode == RUNC_FAILURE && errorText.contains("level=error")) {
      String message = Runc.message(errorText);
      if (message.contains("does not exist")) {
        throw new EngineFault.NotFound("No such container: " + containerId);
      }
      if (message.contains("stopped container") || message.contains("not running")) {
        throw new EngineFault.Conflict("Container " + containerId + " is not running");
      }
      if (message.contains("executable file not found")
          || message.contains("no such file or directory")) {
        dockerCode = 127;
      } else if (message.contains("permission denied")) {
        dockerCode = 126;
      }
      errorText = message + "\n";
    }
    return new ExecResult(
        dockerCode, new String(stdout, StandardCharsets.UTF_8), errorText, timedOut);
  }

  private CapturedOutput drain(InputStream stream) {
    var output = new CapturedOutput();
    threads.newThread(() -> output.readAll(stream)).start();
    return output;
  }

  /**
   * A stream read to its end on a thread of its own, keeping the first {@link #OUTPUT_LIMIT} bytes.
   * A background process the command left behind can hold the stream open after the exec ended;
   * what was read by then is taken and the reader is abandoned (it ends with that process).
   */
  private static final class CapturedOutput {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CountDownLatch ended = new CountDownLatch(1);

    void readAll(InputStream stream) {
      try (stream) {
        byte[] buffer = new byte[8192];
        int count;
        while ((count = stream.read(buffer)) >= 0) {
          synchronized (kept) {
            kept.write(buffer, 0, Math.min(OUTPUT_LIMIT - kept.size(), count));
          }
        }
      } catch (IOException e) {
        // the pipe broke: keep what was read
      } finally {
        ended.countDown();
      }
    }

    byte[] awaitBytes() throws InterruptedException {
      ended.await(REAP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      synchronized (kept) {
        return kept.toByteArray();
      }
    }
  }
}
