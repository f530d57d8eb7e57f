package io.jcompose.engine.api;

import static io.jcompose.engine.http.TestClient.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.http.ApiVersions;
import io.jcompose.engine.http.TestClient;
import io.jcompose.engine.http.TestServer;
import io.jcompose.engine.http.WireJson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SystemRouterTest {

  @TempDir Path dataRoot;
  private final HostFacts host = HostFacts.probe();
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    var facts =
        new EngineFacts("4NHD-TEST", "25.0.0-jcompose", dataRoot, ApiVersions.DEFAULT, host);
    var inventory = new Inventory(() -> new ContainerCounts(2, 1, 3), () -> 4, () -> 5);
    server =
        TestServer.start(
            new SystemRouter(
                facts,
                inventory,
                Clock.fixed(Instant.parse("2026-11-27T22:41:38.671820779Z"), ZoneOffset.UTC)));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private JsonNode json(String path) throws Exception {
    var response = TestClient.exchange(server.socket, get(path));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    return WireJson.mapper().readTree(response.body());
  }

  @Test
  void pingAnswersOkWithDockerdsHeadersForGetAndHead() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send("HEAD /_ping HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n");
      var head = client.readResponse(true);
      client.send(get("/v1.44/_ping"));
      var body = client.readResponse();

      for (var response : new TestClient.RawResponse[] {head, body}) {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Api-Version")).isEqualTo("1.44");
        assertThat(response.header("Ostype")).isEqualTo("linux");
        assertThat(response.header("Docker-Experimental")).isEqualTo("false");
        assertThat(response.header("Cache-Control"))
            .isEqualTo("no-cache, no-store, must-revalidate");
        assertThat(response.header("Pragma")).isEqualTo("no-cache");
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.headers()).doesNotContainKey("builder-version");
      }
      assertThat(head.header("Content-Length")).isEqualTo("0");
      assertThat(body.header("Content-Length")).isEqualTo("2");
      assertThat(body.bodyText()).isEqualTo("OK");
    }
  }

  @Test
  void versionAdvertisesTheApiRangeAndTheHost() throws Exception {
    JsonNode version = json("/version");

    assertThat(version.get("ApiVersion").asText()).isEqualTo("1.44");
    assertThat(version.get("MinAPIVersion").asText()).isEqualTo("1.24");
    assertThat(version.get("Version").asText()).isEqualTo("25.0.0-jcompose");
    assertThat(version.get("Os").asText()).isEqualTo("linux");
    assertThat(version.get("Arch").asText()).isEqualTo(host.platformArch()).isNotBlank();
    assertThat(version.get("KernelVersion").asText()).isEqualTo(host.kernelVersion());
    assertThat(version.get("Components").get(0).get("Name").asText()).isEqualTo("Engine");
    assertThat(version.get("Components").get(0).get("Details").get("ApiVersion").asText())
        .isEqualTo("1.44");
    assertThat(version.get("Platform").get("Name").isTextual()).isTrue();
  }

  @Test
  void infoIsOneFlatObjectWithRealValuesAndDockerTypes() throws Exception {
    JsonNode info = json("/v1.32/info");

    assertThat(info.get("ID").asText()).isEqualTo("4NHD-TEST");
    assertThat(info.get("Containers").asInt()).isEqualTo(6);
    assertThat(info.get("ContainersRunning").asInt()).isEqualTo(2);
    assertThat(info.get("ContainersPaused").asInt()).isEqualTo(1);
    assertThat(info.get("ContainersStopped").asInt()).isEqualTo(3);
    assertThat(info.get("Images").asInt()).isEqualTo(4);
    assertThat(info.get("NEventsListener").asInt()).isEqualTo(5);
    assertThat(info.get("OSType").asText()).isEqualTo("linux");
    assertThat(info.get("Driver").asText()).isEqualTo("overlay2");
    assertThat(info.get("DockerRootDir").asText()).isEqualTo(dataRoot.toString());
    assertThat(info.get("CgroupDriver").asText()).isEqualTo("cgroupfs");
    assertThat(info.get("CgroupVersion").asText()).isEqualTo(host.cgroupVersion()).isIn("1", "2");
    assertThat(info.get("NCPU").isInt()).isTrue();
    assertThat(info.get("NCPU").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(info.get("MemTotal").isNumber()).isTrue();
    assertThat(info.get("MemTotal").asLong()).isPositive();
    assertThat(info.get("KernelVersion").asText()).isEqualTo(host.kernelVersion());
    assertThat(info.get("Labels").isArray()).isTrue();
    assertThat(info.get("Labels")).isEmpty();
    assertThat(info.get("ServerVersion").asText()).isEqualTo("25.0.0-jcompose");
    assertThat(info.get("Runtimes").get("runc").get("path").asText()).isEqualTo("runc");
    assertThat(info.get("DefaultRuntime").asText()).isEqualTo("runc");
    assertThat(info.get("Swarm").get("LocalNodeState").asText()).isEqualTo("inactive");
    assertThat(info.get("SystemTime").asText()).isEqualTo("2026-11-27T22:41:38.671820779Z");
    assertThat(info.get("Architecture").asText()).isEqualTo(host.architecture());
    assertThat(info.get("DriverStatus").get(0).get(0).asText()).isEqualTo("Backing Filesystem");
    assertThat(info.has("identity")).isFalse();
  }
}
