package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.adapter.testing.FakeDaemon;
import io.jcompose.adapter.testing.TestDocker;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Version negotiation and connection failures. */
class DockerRuntimeConnectTest {

  @TempDir Path directory;

  private static Endpoint fromDockerHost(Path socket) {
    return new Endpoint(
        URI.create("unix://" + socket), Endpoint.Origin.DOCKER_HOST, Optional.empty());
  }

  @Test
  void connect_negotiatesTheLowerOfTheDaemonsVersionAnd1_44() {
    try (DockerRuntime runtime = DockerRuntime.connect(TestDocker.endpoint(), Map.of());
        var docker = TestDocker.dockerClient(runtime)) {
      ApiVersion serverMax = ApiVersion.parse(docker.versionCmd().exec().getApiVersion());

      assertThat(runtime.apiVersion())
          .isEqualTo(ApiVersion.min(serverMax, ApiVersion.HIGHEST_TESTED).toString());
      assertThat(runtime.info().apiVersion()).isEqualTo(runtime.apiVersion());
    } catch (IOException closing) {
      throw new AssertionError(closing);
    }
  }

  @Test
  void connect_toADaemonBelow1_24IsRefusedNamingBothVersions() throws IOException {
    Path socket = directory.resolve("old.sock");
    try (var daemon = FakeDaemon.start(socket, Map.of("/_ping", FakeDaemon.ping("1.23")))) {
      assertThatThrownBy(() -> DockerRuntime.connect(fromDockerHost(socket), Map.of()))
          .isInstanceOf(RuntimeFault.Unavailable.class)
          .hasMessageContaining("1.23")
          .hasMessageContaining("1.24")
          .hasMessageContaining("unix://" + socket);
    }
  }

  @Test
  void connect_withoutAnApiVersionHeaderAsksForTheVersion() throws IOException {
    Path socket = directory.resolve("quiet.sock");
    var responses =
        Map.of(
            "/_ping", FakeDaemon.ping(null),
            "/version", FakeDaemon.json("{\"ApiVersion\":\"1.40\",\"MinAPIVersion\":\"1.12\"}"));
    try (var daemon = FakeDaemon.start(socket, responses);
        DockerRuntime runtime = DockerRuntime.connect(fromDockerHost(socket), Map.of())) {
      assertThat(runtime.apiVersion()).isEqualTo("1.40");
    }
  }

  @Test
  void connect_toANewerDaemonStaysAtTheHighestTestedVersion() throws IOException {
    Path socket = directory.resolve("new.sock");
    try (var daemon = FakeDaemon.start(socket, Map.of("/_ping", FakeDaemon.ping("1.51")));
        DockerRuntime runtime = DockerRuntime.connect(fromDockerHost(socket), Map.of())) {
      assertThat(runtime.apiVersion()).isEqualTo("1.44");
    }
  }

  @Test
  void connect_toASocketNobodyListensOnIsUnavailableNamingTheEndpointAndItsOrigin() {
    Path socket = directory.resolve("nobody.sock");

    assertThatThrownBy(() -> DockerRuntime.connect(fromDockerHost(socket), Map.of()))
        .isInstanceOf(RuntimeFault.Unavailable.class)
        .hasMessageContaining(
            "cannot connect to the Docker endpoint unix://" + socket + " (from DOCKER_HOST)");
  }
}
