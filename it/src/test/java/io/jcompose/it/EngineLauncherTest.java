package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code jcompose engine run|status|env|stop} through the launcher, with the real docker CLI
 * talking to the engine it started.
 */
@Timeout(300)
class EngineLauncherTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private Path directory;
  private Path socket;
  private Process engine;

  @BeforeEach
  void createDirectory() throws IOException {
    directory = Files.createTempDirectory("jce-launcher");
    socket = directory.resolve("engine.sock");
  }

  @AfterEach
  void stopEngineAndClean() throws Exception {
    try {
      if (engine != null && engine.isAlive()) {
        engine.destroy();
        if (!engine.waitFor(30, TimeUnit.SECONDS)) {
          engine.destroyForcibly();
        }
      }
    } finally {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  @Test
  void engineRun_servesTheDockerCli_andStatusEnvStopControlIt() throws Exception {
    assertThat(jcompose("engine", "status").exitCode()).isEqualTo(1);

    engine =
        start(
            "engine",
            "run",
            "--data-root",
            directory.resolve("data").toString(),
            "--exec-root",
            directory.resolve("exec").toString());
    awaitSocket();

    CommandRun status = jcompose("engine", "status");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("running on unix://" + socket).contains("API 1.44");
    assertThat(jcompose("engine", "env").out().strip())
        .isEqualTo("export DOCKER_HOST=unix://" + socket);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
        .isEqualTo("rw-rw----");

    CommandRun version = docker("version", "--format", "{{.Server.APIVersion}}");
    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out().strip()).isEqualTo("1.44");
    CommandRun volume = docker("volume", "create", "--label", "it=1", "jce-launcher-volume");
    assertThat(volume.exitCode()).as(volume.err()).isZero();
    assertThat(docker("volume", "ls", "-q").out()).contains("jce-launcher-volume");

    CommandRun stop = jcompose("engine", "stop");
    assertThat(stop.exitCode()).as(stop.err()).isZero();
    assertThat(engine.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(socket).doesNotExist();
    assertThat(jcompose("engine", "status").exitCode()).isEqualTo(1);
  }

  private void awaitSocket() throws InterruptedException {
    for (int attempt = 0; attempt < 600 && !Files.exists(socket); attempt++) {
      if (!engine.isAlive()) {
        throw new AssertionError("the engine exited with " + engine.exitValue());
      }
      Thread.sleep(100);
    }
    assertThat(socket).exists();
  }

  private List<String> command(String... args) {
    var command =
        new ArrayList<>(
            List.of("bash", ROOT.resolve("jcompose").toString(), "-H", "unix://" + socket));
    command.addAll(List.of(args));
    return command;
  }

  private Process start(String... args) throws IOException {
    var builder = new ProcessBuilder(command(args)).directory(directory.toFile());
    builder.environment().remove("JCOMPOSE_JAVA_OPTS");
    return builder
        .redirectOutput(directory.resolve("engine.out").toFile())
        .redirectError(directory.resolve("engine.err").toFile())
        .start();
  }

  private CommandRun jcompose(String... args) throws IOException, InterruptedException {
    return run(command(args));
  }

  private CommandRun docker(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("docker", "-H", "unix://" + socket));
    command.addAll(List.of(args));
    return run(command);
  }

  private CommandRun run(List<String> command) throws IOException, InterruptedException {
    var environment = new HashMap<String, String>();
    environment.put("DOCKER_HOST", null);
    environment.put("DOCKER_CONFIG", directory.resolve("docker-config").toString());
    return CommandRun.run(command, directory, environment, Duration.ofMinutes(5));
  }
}
