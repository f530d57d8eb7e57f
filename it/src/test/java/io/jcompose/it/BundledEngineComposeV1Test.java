package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Debian's docker-compose 1.29 pointed at the bundled engine (started through the launcher) brings
 * a two-service stack up, lists it, shows its logs (one service reached the other by name) and
 * takes it down with its volume and network.
 */
@Timeout(600)
class BundledEngineComposeV1Test {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String IMAGE = "jcetest/busybox:1";

  private Path directory;
  private Path socket;
  private Process engine;

  private record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n" + out + "\n" + err;
    }
  }

  @BeforeEach
  void startEngine() throws Exception {
    directory = Files.createTempDirectory("jce-compose-v1");
    socket = directory.resolve("engine.sock");
    var command =
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
            directory.resolve("exec").toString());
    engine =
        new ProcessBuilder(command)
            .redirectOutput(directory.resolve("engine.out").toFile())
            .redirectError(directory.resolve("engine.err").toFile())
            .start();
    for (int attempt = 0; attempt < 600 && !Files.exists(socket); attempt++) {
      assertThat(engine.isAlive()).as("the engine is running").isTrue();
      Thread.sleep(100);
    }
    assertThat(socket).exists();
    Path rootfs = BusyboxRootfs.write(directory.resolve("rootfs"));
    Run imported =
        run(List.of("docker", "import", "--change", "ENV PATH=/bin", rootfs.toString(), IMAGE));
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
  }

  @AfterEach
  void stopEngineAndClean() throws Exception {
    try {
      Run leftovers = run(List.of("docker", "ps", "-aq"));
      if (!leftovers.out().isBlank()) {
        var remove = new ArrayList<>(List.of("docker", "rm", "-f"));
        remove.addAll(leftovers.out().lines().toList());
        run(remove);
      }
    } finally {
      engine.destroy();
      if (!engine.waitFor(30, TimeUnit.SECONDS)) {
        engine.destroyForcibly();
      }
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  @Test
  void dockerCompose129_runsAStackOnTheBundledEngine() throws Exception {
    Path project = Files.createDirectories(directory.resolve("project"));
    Files.writeString(
        project.resolve("docker-compose.yml"),
        """
        version: "3.8"
        services:
          web:
            image: %s
            command: ["sh", "-c", "echo web-ready; echo hello-from-web > /tmp/index.html; exec httpd -f -p 80 -h /tmp"]
            volumes:
              - data:/data
          client:
            image: %s
            command: ["sh", "-c", "until wget -q -O- http://web/; do sleep 0.2; done; sleep 3600"]
            depends_on: [web]
        volumes:
          data:
        """
            .formatted(IMAGE, IMAGE));

    Run up = compose(project, "up", "-d");
    assertThat(up.exitCode()).as(up.toString()).isZero();

    Run ps = compose(project, "ps");
    assertThat(ps.out()).contains("jcev1_web_1").contains("jcev1_client_1");
    assertThat(ps.out().lines().filter(line -> line.contains(" Up "))).hasSize(2);

    Run logs = awaitLogs(project, "hello-from-web");
    assertThat(logs.out()).contains("web-ready").contains("hello-from-web");

    Run down = compose(project, "down", "-v");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(run(List.of("docker", "ps", "-aq")).out()).isBlank();
    assertThat(run(List.of("docker", "volume", "ls", "-q")).out()).doesNotContain("jcev1_data");
    assertThat(run(List.of("docker", "network", "ls", "--format", "{{.Name}}")).out())
        .doesNotContain("jcev1_default");
  }

  private Run awaitLogs(Path project, String text) throws Exception {
    Run logs = compose(project, "logs", "--no-color");
    for (int attempt = 0; attempt < 100 && !logs.out().contains(text); attempt++) {
      Thread.sleep(200);
      logs = compose(project, "logs", "--no-color");
    }
    return logs;
  }

  private Run compose(Path project, String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("docker-compose", "-p", "jcev1"));
    command.addAll(List.of(args));
    return run(command, project);
  }

  private Run run(List<String> command) throws IOException, InterruptedException {
    return run(command, directory);
  }

  private Run run(List<String> command, Path workingDirectory)
      throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    builder.environment().put("DOCKER_HOST", "unix://" + socket);
    builder.environment().remove("DOCKER_API_VERSION");
    builder.environment().remove("DOCKER_CONTEXT");
    builder.environment().put("DOCKER_CONFIG", directory.resolve("docker-config").toString());
    builder.environment().put("COMPOSE_INTERACTIVE_NO_CLI", "1");
    Path out = Files.createTempFile(directory, "out", ".txt");
    Path err = Files.createTempFile(directory, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 3 minutes");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
