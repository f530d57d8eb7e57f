package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers, pointed at the bundled engine by {@code DOCKER_HOST} (set for this module's tests
 * in its pom), starts a container of the test image with an exposed port and a wait strategy,
 * reaches the port from the test, and stops it. Ryuk is off.
 */
@Timeout(300)
class TestcontainersOnBundledEngineTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String IMAGE = "jcetest/tc-busybox:1";

  private Path socket;
  private Path directory;
  private Process engine;

  @BeforeEach
  void startEngine() throws Exception {
    String host = System.getenv("DOCKER_HOST");
    assertThat(host).as("DOCKER_HOST from the it pom").startsWith("unix://");
    socket = Path.of(host.substring("unix://".length()));
    directory = Files.createDirectories(socket.getParent());
    engine =
        new ProcessBuilder(
                List.of(
                    "bash",
                    ROOT.resolve("jcompose").toString(),
                    "-H",
                    host,
                    "engine",
                    "run",
                    "--data-root",
                    directory.resolve("data").toString(),
                    "--exec-root",
                    directory.resolve("exec").toString()))
            .redirectOutput(directory.resolve("engine.out").toFile())
            .redirectError(directory.resolve("engine.err").toFile())
            .start();
    for (int attempt = 0; attempt < 600 && !Files.exists(socket); attempt++) {
      assertThat(engine.isAlive()).as("the engine is running").isTrue();
      Thread.sleep(100);
    }
    Path rootfs = BusyboxRootfs.write(directory.resolve("rootfs"));
    Process imported =
        new ProcessBuilder(
                "docker",
                "-H",
                host,
                "import",
                "--change",
                "ENV PATH=/bin",
                rootfs.toString(),
                IMAGE)
            .redirectErrorStream(true)
            .start();
    assertThat(imported.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(imported.exitValue())
        .as(new String(imported.getInputStream().readAllBytes()))
        .isZero();
  }

  @AfterEach
  void stopEngine() throws Exception {
    try {
      engine.destroy();
      if (!engine.waitFor(30, TimeUnit.SECONDS)) {
        engine.destroyForcibly();
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
  void genericContainer_withAnExposedPortAndAWaitStrategy_isReachable() throws Exception {
    try (var container =
        new GenericContainer<>(DockerImageName.parse(IMAGE))
            .withCommand(
                "sh",
                "-c",
                "echo hello-from-testcontainers > /tmp/index.html; echo serving;"
                    + " exec httpd -f -p 80 -h /tmp")
            .withExposedPorts(80)
            .waitingFor(Wait.forLogMessage(".*serving.*", 1))
            .withStartupTimeout(Duration.ofSeconds(60))) {
      container.start();

      var uri =
          URI.create(
              "http://" + container.getHost() + ":" + container.getMappedPort(80) + "/index.html");
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello-from-testcontainers\n");
      assertThat(container.isRunning()).isTrue();
      container.stop();
      assertThat(container.isRunning()).isFalse();
    }
  }
}
