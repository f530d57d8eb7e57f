package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
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

  private record Run(int exitCode, String out, String err) {}

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

    Run status = jcompose("engine", "status");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("running on unix://" + socket).contains("API 1.44");
    assertThat(jcompose("engine", "env").out().strip())
        .isEqualTo("export DOCKER_HOST=unix://" + socket);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)))
        .isEqualTo("rw-rw----");

    Run version = docker("version", "--format", "{{.Server.APIVersion}}");
    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out().strip()).isEqualTo("1.44");
    Run volume = docker("volume", "create", "--label", "it=1", "jce-launcher-volume");
    assertThat(volume.exitCode()).as(volume.err()).isZero();
    assertThat(docker("volume", "ls", "-q").out()).contains("jce-launcher-volume");

    Run stop = jcompose("engine", "stop");
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

  private Run jcompose(String... args) throws IOException, InterruptedException {
    return run(command(args));
  }

  private Run docker(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("docker", "-H", "unix://" + socket));
    command.addAll(List.of(args));
    return run(command);
  }

  private Run run(List<String> command) throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().remove("JCOMPOSE_JAVA_OPTS");
    builder.environment().remove("DOCKER_HOST");
    builder.environment().put("DOCKER_CONFIG", directory.resolve("docker-config").toString());
    Path out = Files.createTempFile(directory, "out", ".txt");
    Path err = Files.createTempFile(directory, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 5 minutes");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
