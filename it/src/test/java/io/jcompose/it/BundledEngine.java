package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A bundled engine started the way a user starts it, {@code ./jcompose -H unix://... engine run},
 * with its socket, data and runtime state in a directory of the test's, which {@link #close} stops
 * and removes (after removing the containers the test left).
 */
public final class BundledEngine implements AutoCloseable {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private final Path directory;
  private final Path socket;
  private final Process process;

  private BundledEngine(Path directory, Path socket, Process process) {
    this.directory = directory;
    this.socket = socket;
    this.process = process;
  }

  /**
   * Starts an engine on {@code socket} with its state under {@code socket}'s directory.
   *
   * @param engineArgs more {@code engine run} flags ({@code --network-prefix} ...)
   */
  public static BundledEngine start(Path socket, String... engineArgs)
      throws IOException, InterruptedException {
    Path directory = Files.createDirectories(socket.getParent());
    var command =
        new ArrayList<>(
            List.of(
                "bash",
                ROOT.resolve("jcompose").toString(),
                "-H",
                "unix://" + socket,
                "engine",
                "run",
                "--data-root",
                directory.resolve("data").toString(),
                "--exec-root",
                directory.resolve("exec").toString()));
    command.addAll(List.of(engineArgs));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(directory.resolve("engine.out").toFile())
            .redirectError(directory.resolve("engine.err").toFile())
            .start();
    var engine = new BundledEngine(directory, socket, process);
    for (int attempt = 0; attempt < 600 && !Files.exists(socket); attempt++) {
      assertThat(process.isAlive()).as("the engine is running").isTrue();
      Thread.sleep(100);
    }
    assertThat(socket).exists();
    return engine;
  }

  public Path directory() {
    return directory;
  }

  public String host() {
    return "unix://" + socket;
  }

  /** The environment that points docker clients at this engine. */
  Map<String, String> clientEnvironment() {
    var environment = new HashMap<String, String>();
    environment.put("DOCKER_HOST", host());
    environment.put("DOCKER_API_VERSION", null);
    environment.put("DOCKER_CONTEXT", null);
    environment.put("DOCKER_CONFIG", directory.resolve("docker-config").toString());
    return environment;
  }

  CommandRun docker(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return CommandRun.run(command, directory, clientEnvironment(), Duration.ofMinutes(2));
  }

  /** Imports a busybox-static rootfs as {@code reference}. */
  void importBusybox(String reference) throws IOException, InterruptedException {
    Path rootfs = BusyboxRootfs.write(directory.resolve("rootfs"));
    CommandRun imported =
        docker("import", "--change", "ENV PATH=/bin", rootfs.toString(), reference);
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
  }

  /**
   * Kills the engine with SIGKILL and leaves everything it made (containers, state) in place, as a
   * crash would; a later {@link #start} on the same socket finds them. Nothing is cleaned up: the
   * engine started next is closed instead.
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    try {
      CommandRun left = docker("ps", "-aq");
      if (!left.out().isBlank()) {
        var remove = new ArrayList<>(List.of("rm", "-f"));
        remove.addAll(left.out().lines().toList());
        docker(remove.toArray(String[]::new));
      }
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
