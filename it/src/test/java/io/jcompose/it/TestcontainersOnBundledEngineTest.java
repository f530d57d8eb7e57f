package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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

  private static final String IMAGE = "jcetest/tc-busybox:1";

  private BundledEngine engine;

  @BeforeEach
  void startEngine() throws Exception {
    String host = System.getenv("DOCKER_HOST");
    assertThat(host).as("DOCKER_HOST from the it pom").startsWith("unix://");
    engine = BundledEngine.start(Path.of(host.substring("unix://".length())));
    engine.importBusybox(IMAGE);
  }

  @AfterEach
  void stopEngine() throws Exception {
    engine.close();
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
