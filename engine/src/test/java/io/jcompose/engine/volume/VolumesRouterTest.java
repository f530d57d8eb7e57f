package io.jcompose.engine.volume;

import static io.jcompose.engine.http.TestClient.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.event.EngineEvent;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.http.TestClient;
import io.jcompose.engine.http.TestServer;
import io.jcompose.engine.http.WireJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class VolumesRouterTest {

  @TempDir Path dataRoot;
  private final EventBus events = new EventBus(Clock.systemUTC(), EventBus.DEFAULT_HISTORY);
  private final Map<String, List<String>> users = new java.util.concurrent.ConcurrentHashMap<>();
  private LocalVolumes volumes;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    volumes =
        new LocalVolumes(
            dataRoot, events, name -> users.getOrDefault(name, List.of()), Clock.systemUTC());
    server = TestServer.start(new VolumesRouter(volumes));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private TestClient.RawResponse post(String path, String json) throws Exception {
    return TestClient.exchange(
        server.socket,
        "POST "
            + path
            + " HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
            + json.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n"
            + json);
  }

  private TestClient.RawResponse delete(String path) throws Exception {
    return TestClient.exchange(server.socket, "DELETE " + path + " HTTP/1.1\r\n\r\n");
  }

  private static JsonNode json(TestClient.RawResponse response) throws Exception {
    return WireJson.mapper().readTree(response.body());
  }

  private List<String> listed(String filtersJson) throws Exception {
    String query =
        filtersJson == null
            ? ""
            : "?filters=" + URLEncoder.encode(filtersJson, StandardCharsets.UTF_8);
    var names = new ArrayList<String>();
    json(TestClient.exchange(server.socket, get("/v1.44/volumes" + query)))
        .get("Volumes")
        .forEach(volume -> names.add(volume.get("Name").asText()));
    return names;
  }

  @Test
  void createMakesTheDirectoryAndAnswersDockerdsShape() throws Exception {
    var response =
        post(
            "/v1.44/volumes/create",
            "{\"Name\":\"apiprobe-v1\",\"Driver\":\"local\",\"DriverOpts\":{},\"Labels\":{\"apiprobe\":\"1\"}}");

    assertThat(response.status()).isEqualTo(201);
    JsonNode body = json(response);
    Path data = dataRoot.resolve("volumes/apiprobe-v1/_data");
    assertThat(body.get("Name").asText()).isEqualTo("apiprobe-v1");
    assertThat(body.get("Driver").asText()).isEqualTo("local");
    assertThat(body.get("Mountpoint").asText()).isEqualTo(data.toString());
    assertThat(body.get("Labels").toString()).isEqualTo("{\"apiprobe\":\"1\"}");
    assertThat(body.get("Options").isNull()).isTrue();
    assertThat(body.get("Scope").asText()).isEqualTo("local");
    assertThat(body.get("CreatedAt").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(data).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwxr-xr-x");
    try (var replay = events.subscribe(e -> true, Optional.of(Instant.EPOCH), Optional.empty())) {
      assertThat(replay.replay())
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.type()).isEqualTo(EngineEvent.Type.VOLUME);
                assertThat(event.action()).isEqualTo("create");
                assertThat(event.actor().attributes()).isEqualTo(Map.of("driver", "local"));
              });
    }
  }

  @Test
  void creatingAnExistingNameReturnsItAndAnEmptyNameIsGenerated() throws Exception {
    var first = json(post("/volumes/create", "{\"Name\":\"data\",\"Labels\":{\"a\":\"1\"}}"));
    var again = json(post("/volumes/create", "{\"Name\":\"data\",\"Labels\":{\"b\":\"2\"}}"));
    var anonymous = json(post("/volumes/create", "{}"));
    var bodyless = post("/volumes/create", "");

    assertThat(again).isEqualTo(first);
    assertThat(anonymous.get("Name").asText()).matches("[0-9a-f]{64}");
    assertThat(bodyless.status()).isEqualTo(201);
  }

  @Test
  void namesThatCouldEscapeTheVolumeDirectoryAreRefused() throws Exception {
    for (String name : List.of("../escape", "a/b", "a", ".hidden", "-x", "x y")) {
      var response = post("/volumes/create", "{\"Name\":\"" + name + "\"}");
      assertThat(response.status()).as(name).isEqualTo(400);
      assertThat(response.bodyText())
          .as(name)
          .contains("includes invalid characters for a local volume name");
    }
    assertThat(TestClient.exchange(server.socket, get("/volumes/..")).status()).isEqualTo(404);
    assertThat(Files.list(dataRoot.resolve("volumes"))).isEmpty();
  }

  @Test
  void otherDriversAndUnknownOptionsAreRefused() throws Exception {
    assertThat(post("/volumes/create", "{\"Name\":\"nf\",\"Driver\":\"nfs\"}").status())
        .isEqualTo(404);
    var badOption =
        post("/volumes/create", "{\"Name\":\"nn\",\"DriverOpts\":{\"colour\":\"red\"}}");
    assertThat(badOption.status()).isEqualTo(400);
    assertThat(badOption.bodyText()).contains("invalid option key: \\\"colour\\\"");
    var tmpfs =
        json(
            post(
                "/volumes/create",
                "{\"Name\":\"tmp\",\"DriverOpts\":{\"type\":\"tmpfs\",\"device\":\"tmpfs\"}}"));
    assertThat(tmpfs.get("Options").toString())
        .isEqualTo("{\"device\":\"tmpfs\",\"type\":\"tmpfs\"}");
  }

  @Test
  void inspectAnswersTheVolumeOrDockerds404() throws Exception {
    post("/volumes/create", "{\"Name\":\"data\"}");

    assertThat(json(TestClient.exchange(server.socket, get("/volumes/data"))).get("Name").asText())
        .isEqualTo("data");
    var missing = TestClient.exchange(server.socket, get("/v1.41/volumes/nope"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.bodyText()).isEqualTo("{\"message\":\"get nope: no such volume\"}\n");
  }

  @Test
  void listAnswersAnObjectAndFilters() throws Exception {
    post(
        "/volumes/create",
        "{\"Name\":\"demo_data\",\"Labels\":{\"com.docker.compose.project\":\"demo\"}}");
    post(
        "/volumes/create",
        "{\"Name\":\"demo_cache\",\"Labels\":{\"com.docker.compose.project\":\"demo\",\"tier\":\"cache\"}}");
    post("/volumes/create", "{\"Name\":\"other\"}");
    users.put("demo_data", List.of("c1"));

    var all = TestClient.exchange(server.socket, get("/volumes"));
    assertThat(all.bodyText()).startsWith("{\"Volumes\":[").endsWith("],\"Warnings\":null}\n");
    assertThat(listed(null)).containsExactly("demo_cache", "demo_data", "other");
    assertThat(listed("{\"name\":[\"demo\"]}")).containsExactly("demo_cache", "demo_data");
    assertThat(listed("{\"name\":{\"^oth\":true}}")).containsExactly("other");
    assertThat(listed("{\"label\":[\"com.docker.compose.project=demo\",\"tier\"]}"))
        .containsExactly("demo_cache");
    assertThat(listed("{\"label\":[\"com.docker.compose.project\"]}"))
        .containsExactly("demo_cache", "demo_data");
    assertThat(listed("{\"driver\":[\"local\"]}")).hasSize(3);
    assertThat(listed("{\"dangling\":[\"true\"]}")).containsExactly("demo_cache", "other");
    assertThat(listed("{\"dangling\":{\"0\":true}}")).containsExactly("demo_data");
    assertThat(
            TestClient.exchange(
                    server.socket,
                    get(
                        "/volumes?filters="
                            + URLEncoder.encode("{\"id\":[\"x\"]}", StandardCharsets.UTF_8)))
                .status())
        .isEqualTo(400);
  }

  @Test
  void removeDeletesDataAndRecordUnlessAContainerUsesIt() throws Exception {
    post("/volumes/create", "{\"Name\":\"data\"}");
    post("/volumes/create", "{\"Name\":\"used\"}");
    Files.writeString(dataRoot.resolve("volumes/data/_data/file"), "content");
    Files.createSymbolicLink(
        dataRoot.resolve("volumes/data/_data/outside"), dataRoot.resolve("state"));
    users.put("used", List.of("c1", "c2"));

    assertThat(delete("/volumes/data").status()).isEqualTo(204);
    assertThat(dataRoot.resolve("volumes/data")).doesNotExist();
    assertThat(dataRoot.resolve("state")).isDirectory();
    assertThat(TestClient.exchange(server.socket, get("/volumes/data")).status()).isEqualTo(404);

    var inUse = delete("/volumes/used?force=1");
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.bodyText())
        .isEqualTo("{\"message\":\"remove used: volume is in use - [c1 c2]\"}\n");
    assertThat(delete("/volumes/gone").status()).isEqualTo(404);
    assertThat(delete("/volumes/gone?force=True").status()).isEqualTo(204);
    try (var replay =
        events.subscribe(
            e -> e.action().equals("destroy"), Optional.of(Instant.EPOCH), Optional.empty())) {
      assertThat(replay.replay()).extracting(e -> e.actor().id()).containsExactly("data");
    }
  }

  @Test
  void pruneTakesAnonymousUnusedVolumesFrom142AndAllUnusedBefore() throws Exception {
    post(
        "/volumes/create",
        "{\"Name\":\"named\",\"Labels\":{\"org.testcontainers.sessionId\":\"s1\"}}");
    post(
        "/volumes/create",
        "{\"Name\":\"anon1\",\"Labels\":{\"com.docker.volume.anonymous\":\"\"}}");
    post(
        "/volumes/create",
        "{\"Name\":\"anon2\",\"Labels\":{\"com.docker.volume.anonymous\":\"\"}}");
    users.put("anon2", List.of("c1"));
    Files.writeString(dataRoot.resolve("volumes/anon1/_data/f"), "12345");

    var pruned = post("/v1.44/volumes/prune", "");
    assertThat(pruned.bodyText())
        .isEqualTo("{\"VolumesDeleted\":[\"anon1\"],\"SpaceReclaimed\":5}\n");

    String labelFilter =
        URLEncoder.encode(
            "{\"label\":[\"org.testcontainers.sessionId=s1\"]}", StandardCharsets.UTF_8);
    assertThat(post("/v1.32/volumes/prune?filters=" + labelFilter, "").bodyText())
        .isEqualTo("{\"VolumesDeleted\":[\"named\"],\"SpaceReclaimed\":0}\n");
    assertThat(post("/v1.44/volumes/prune", "").bodyText())
        .isEqualTo("{\"VolumesDeleted\":[],\"SpaceReclaimed\":0}\n");
    assertThat(listed(null)).containsExactly("anon2");
  }

  @Test
  void pruneHonoursAllAndNegatedLabels() throws Exception {
    post("/volumes/create", "{\"Name\":\"keep\",\"Labels\":{\"keep\":\"yes\"}}");
    post("/volumes/create", "{\"Name\":\"drop\"}");

    String filters =
        URLEncoder.encode("{\"all\":[\"true\"],\"label!\":[\"keep=yes\"]}", StandardCharsets.UTF_8);
    assertThat(post("/volumes/prune?filters=" + filters, "").bodyText())
        .isEqualTo("{\"VolumesDeleted\":[\"drop\"],\"SpaceReclaimed\":0}\n");
  }

  @Test
  void volumesOutliveTheServiceThatCreatedThem() throws Exception {
    post("/volumes/create", "{\"Name\":\"data\",\"Labels\":{\"a\":\"1\"}}");

    var reopened = new LocalVolumes(dataRoot, events, VolumeUsage.NONE, Clock.systemUTC());
    assertThat(reopened.inspect("data").labels()).isEqualTo(Map.of("a", "1"));
    assertThat(reopened.list()).extracting(Volume::name).containsExactly("data");
  }
}
