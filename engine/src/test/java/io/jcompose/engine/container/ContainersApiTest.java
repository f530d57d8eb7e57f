package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jcompose.engine.http.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The /containers routes over HTTP: shapes and types as dockerd's, states, waits, errors. */
class ContainersApiTest extends EngineTestBase {

  /** A request body a real client sent, with the image replaced by busybox. */
  private static ObjectNode recordedBody(String sample) {
    ObjectNode body = (ObjectNode) Shapes.sample("requests/" + sample).path("body").deepCopy();
    body.put("Image", "busybox");
    return body;
  }

  @Test
  void createdContainer_inspectsWithDockerdsFieldsAndTypes() throws Exception {
    ObjectNode body = recordedBody("cli-28.2.2-run-rm-echo.container-create.json");
    ((ObjectNode) body.path("HostConfig")).put("AutoRemove", false);
    String id = engine.create("shape-created", body.toString());

    JsonNode inspect = inspect("shape-created");

    ObjectNode sample = (ObjectNode) Shapes.sample("container-inspect-exited.json");
    // dockerd leaves HostConfig.Mounts out when none were asked for, as this request did
    ((ObjectNode) sample.path("HostConfig")).remove("Mounts");
    assertThat(Shapes.differences(sample, inspect)).isEmpty();
    assertThat(inspect.path("Id").asText()).isEqualTo(id);
    assertThat(inspect.path("Name").asText()).isEqualTo("/shape-created");
    assertThat(inspect.path("Image").asText()).matches("sha256:[0-9a-f]{64}");
    assertThat(inspect.path("Path").asText()).isEqualTo("echo");
    assertThat(inspect.path("Args").toString()).isEqualTo("[\"hi\"]");
    JsonNode state = inspect.path("State");
    assertThat(state.path("Status").asText()).isEqualTo("created");
    assertThat(state.path("Running").isBoolean()).isTrue();
    assertThat(state.path("StartedAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(state.path("FinishedAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(inspect.path("NetworkSettings").path("Ports").isObject()).isTrue();
    assertThat(inspect.path("NetworkSettings").path("Ports").size()).isZero();
    JsonNode bridge = inspect.path("NetworkSettings").path("Networks").path("bridge");
    assertThat(bridge.path("NetworkID").asText()).matches("[0-9a-f]{64}");
    assertThat(bridge.path("IPAddress").asText()).isEmpty();
    JsonNode config = inspect.path("Config");
    assertThat(config.path("Image").asText()).isEqualTo("busybox");
    assertThat(config.path("Hostname").asText()).isEqualTo(id.substring(0, 12));
    assertThat(config.path("Cmd").toString()).isEqualTo("[\"echo\",\"hi\"]");
    assertThat(config.path("Env").toString()).contains("PATH=");
    assertThat(config.path("AttachStdout").asBoolean()).isTrue();
    assertThat(inspect.path("HostConfig").path("NetworkMode").asText()).isEqualTo("default");
    assertThat(inspect.path("HostConfig").path("ShmSize").asLong()).isEqualTo(64L << 20);
    assertThat(engine.delete("/containers/" + id).status()).isEqualTo(204);
  }

  @Test
  void runningContainer_reportsItsAddressAndEachPortForBothFamilies() throws Exception {
    ObjectNode body = recordedBody("testcontainers-2.0.3-container-create.json");
    String id = engine.create("shape-running", body.toString());
    assertThat(engine.post("/v1.32/containers/" + id + "/start").status()).isEqualTo(204);
    assertThat(engine.post("/v1.32/containers/" + id + "/start").status()).isEqualTo(304);

    JsonNode inspect = inspect(id.substring(0, 12));

    assertThat(Shapes.differences(Shapes.sample("container-inspect-running.json"), inspect))
        .isEmpty();
    assertThat(inspect.path("State").path("Running").asBoolean()).isTrue();
    assertThat(inspect.path("State").path("Pid").asLong()).isPositive();
    assertThat(inspect.path("State").path("StartedAt").asText()).isNotEqualTo(ApiTime.ZERO);
    JsonNode bindings = inspect.path("NetworkSettings").path("Ports").path("80/tcp");
    assertThat(bindings.size()).isEqualTo(2);
    assertThat(bindings.get(0).path("HostIp").asText()).isEqualTo("0.0.0.0");
    assertThat(bindings.get(1).path("HostIp").asText()).isEqualTo("::");
    String hostPort = bindings.get(0).path("HostPort").asText();
    assertThat(hostPort)
        .matches("[1-9][0-9]*")
        .isEqualTo(bindings.get(1).path("HostPort").asText());
    JsonNode bridge = inspect.path("NetworkSettings").path("Networks").path("bridge");
    assertThat(bridge.path("IPAddress").asText()).matches("10\\.\\d+\\.\\d+\\.\\d+");
    assertThat(bridge.path("IPPrefixLen").asInt()).isEqualTo(24);
    assertThat(bridge.path("EndpointID").asText()).matches("[0-9a-f]{64}");
    assertThat(inspect.path("NetworkSettings").path("IPAddress").asText())
        .isEqualTo(bridge.path("IPAddress").asText());
    assertThat(inspect.path("Config").path("Labels").path("org.testcontainers").asText())
        .isEqualTo("true");

    JsonNode listed = listed(id);
    assertThat(Shapes.differences(Shapes.sample("containers-list.json").get(0), listed)).isEmpty();
    assertThat(listed.path("Names").toString()).isEqualTo("[\"/shape-running\"]");
    assertThat(listed.path("Created").isNumber()).isTrue();
    assertThat(listed.path("State").asText()).isEqualTo("running");
    assertThat(listed.path("Status").asText()).startsWith("Up ");
    assertThat(listed.path("Ports").size()).isEqualTo(2);
    assertThat(listed.path("Ports").get(0).path("PublicPort").asInt())
        .isEqualTo(Integer.parseInt(hostPort));
    assertThat(listed.path("Ports").get(0).path("PrivatePort").asInt()).isEqualTo(80);

    assertThat(engine.post("/containers/" + id + "/kill").status()).isEqualTo(204);
    assertThat(waitBody(id, "not-running")).isEqualTo("{\"Error\":null,\"StatusCode\":137}\n");
    assertThat(inspect(id).path("State").path("FinishedAt").asText()).isNotEqualTo(ApiTime.ZERO);
    assertThat(inspect(id).path("NetworkSettings").path("Ports").size()).isZero();
    assertThat(engine.delete("/containers/" + id).status()).isEqualTo(204);
  }

  @Test
  void wait_notRunningAnswersAtOnce_nextExitWaitsForTheStart_removedForTheRemoval()
      throws Exception {
    String id =
        engine.create("waited", "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"exit 5\"]}");

    assertThat(waitBody(id, "not-running")).isEqualTo("{\"Error\":null,\"StatusCode\":0}\n");
    assertThat(runToExit(id)).isEqualTo(5);
    try (TestClient removed =
        ApiStreams.post(engine.socket, "/v1.44/containers/waited/wait?condition=removed")) {
      TestClient.RawResponse head = removed.readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("transfer-encoding")).isEqualTo("chunked");
      assertThat(engine.delete("/containers/waited").status()).isEqualTo(204);
      assertThat(new String(removed.readChunk())).isEqualTo("{\"Error\":null,\"StatusCode\":5}\n");
    }
    assertThat(engine.post("/v1.44/containers/waited/wait").status()).isEqualTo(404);
  }

  @Test
  void autoRemove_removesTheContainerOnceItExits() throws Exception {
    String id =
        engine.create(
            "",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"exit 2\"],"
                + "\"HostConfig\":{\"AutoRemove\":true}}");
    try (TestClient removed =
        ApiStreams.post(engine.socket, "/containers/" + id + "/wait?condition=removed")) {
      assertThat(removed.readHead().status()).isEqualTo(200);
      assertThat(engine.post("/containers/" + id + "/start").status()).isEqualTo(204);
      assertThat(new String(removed.readChunk())).isEqualTo("{\"Error\":null,\"StatusCode\":2}\n");
    }
    EngineFixture.Reply gone = engine.get("/containers/" + id + "/json");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().path("message").asText()).isEqualTo("No such container: " + id);
  }

  @Test
  void mistakes_getDockerdsStatusesAndMessages() throws Exception {
    EngineFixture.Reply missing = engine.get("/containers/nope/json");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"message\":\"No such container: nope\"}\n");
    EngineFixture.Reply noImage =
        engine.post("/containers/create", "{\"Image\":\"missing:1\",\"Cmd\":[\"true\"]}");
    assertThat(noImage.status()).isEqualTo(404);
    assertThat(noImage.json().path("message").asText()).isEqualTo("No such image: missing:1");
    EngineFixture.Reply noCommand = engine.post("/containers/create", "{\"Image\":\"nocmd:1\"}");
    assertThat(noCommand.status()).isEqualTo(400);
    assertThat(noCommand.json().path("message").asText()).isEqualTo("No command specified");
    assertThat(engine.post("/containers/create?name=-bad", "{\"Image\":\"busybox\"}").status())
        .isEqualTo(400);

    String id = engine.create("taken", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"]}");
    EngineFixture.Reply conflict =
        engine.post("/containers/create?name=taken", "{\"Image\":\"busybox\"}");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().path("message").asText())
        .isEqualTo(
            "Conflict. The container name \"/taken\" is already in use by container \""
                + id
                + "\". You have to remove (or rename) that container to be able to reuse that"
                + " name.");
    EngineFixture.Reply killCreated = engine.post("/containers/taken/kill");
    assertThat(killCreated.status()).isEqualTo(409);
    assertThat(killCreated.json().path("message").asText())
        .isEqualTo("Cannot kill container: taken: Container " + id + " is not running");
    EngineFixture.Reply stopCreated = engine.post("/containers/taken/stop");
    assertThat(stopCreated.status()).isEqualTo(304);
    assertThat(stopCreated.body()).isEmpty();
    assertThat(engine.post("/containers/taken/start").status()).isEqualTo(204);
    EngineFixture.Reply removeRunning = engine.delete("/containers/taken");
    assertThat(removeRunning.status()).isEqualTo(409);
    assertThat(removeRunning.json().path("message").asText())
        .isEqualTo(
            "You cannot remove a running container "
                + id
                + ". Stop the container before attempting removal or force remove");
    assertThat(engine.post("/containers/taken/wait?condition=bogus").status()).isEqualTo(400);
    assertThat(engine.get("/containers/json?filters=notjson").status()).isEqualTo(400);
    EngineFixture.Reply bogusFilter =
        engine.get("/containers/json?filters=%7B%22bogus%22%3A%5B%22x%22%5D%7D");
    assertThat(bogusFilter.json().path("message").asText()).isEqualTo("Invalid filter 'bogus'");
    assertThat(engine.post("/containers/taken/stop?t=0").status()).isEqualTo(204);
    assertThat(engine.delete("/containers/taken").status()).isEqualTo(204);
  }

  @Test
  void list_showsRunningOnesByDefault_filters_andDescribesEachState() throws Exception {
    String running =
        engine.create(
            "ls-running",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"],\"Labels\":{\"tier\":\"web\"}}");
    String exited =
        engine.create(
            "ls-exited",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"exit 3\"],\"Labels\":{\"tier\":\"db\"}}");
    String created =
        engine.create("ls-created", "{\"Image\":\"busybox\",\"Labels\":{\"tier\":\"db\"}}");
    assertThat(engine.post("/containers/" + running + "/start").status()).isEqualTo(204);
    assertThat(runToExit(exited)).isEqualTo(3);

    assertThat(ids("/containers/json")).containsExactly(running);
    assertThat(ids("/containers/json?all=1")).containsSubsequence(created, exited, running);
    assertThat(ids("/containers/json?all=1&filters=" + filter("label", "tier=db")))
        .containsExactly(created, exited);
    assertThat(ids("/containers/json?filters=" + filter("status", "exited")))
        .containsExactly(exited);
    assertThat(ids("/containers/json?all=1&filters=" + filter("exited", "3")))
        .containsExactly(exited);
    assertThat(ids("/containers/json?all=1&filters=" + filter("name", "ls-cr")))
        .containsExactly(created);
    assertThat(ids("/containers/json?all=1&filters=" + filter("id", running.substring(0, 10))))
        .containsExactly(running);
    assertThat(ids("/containers/json?all=1&filters=" + filter("ancestor", "busybox")))
        .contains(running, exited, created);
    assertThat(ids("/containers/json?all=1&filters=" + filter("network", "bridge")))
        .contains(running, exited, created);
    assertThat(ids("/containers/json?limit=1")).containsExactly(created);
    assertThat(listed(exited).path("Status").asText()).matches("Exited \\(3\\) .* ago");
    assertThat(listed(created).path("Status").asText()).isEqualTo("Created");
    assertThat(listed(running).path("Status").asText()).startsWith("Up ");

    for (String id : List.of(running, exited, created)) {
      assertThat(engine.delete("/containers/" + id + "?force=1").status()).isEqualTo(204);
    }
  }

  @Test
  void restartRenameAndRestartPolicy() throws Exception {
    String id =
        engine.create("renamed-from", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"]}");
    assertThat(engine.post("/containers/renamed-from/rename?name=renamed-to").status())
        .isEqualTo(204);
    assertThat(engine.get("/containers/renamed-from/json").status()).isEqualTo(404);
    assertThat(inspect("renamed-to").path("Name").asText()).isEqualTo("/renamed-to");
    assertThat(engine.post("/containers/renamed-to/restart?t=0").status()).isEqualTo(204);
    String firstStart = inspect(id).path("State").path("StartedAt").asText();
    assertThat(engine.post("/containers/renamed-to/restart?t=0").status()).isEqualTo(204);
    assertThat(inspect(id).path("State").path("Running").asBoolean()).isTrue();
    assertThat(inspect(id).path("State").path("StartedAt").asText()).isNotEqualTo(firstStart);

    String failing =
        engine.create(
            "",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"exit 1\"],"
                + "\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"on-failure\",\"MaximumRetryCount\":2}}}");
    assertThat(engine.post("/containers/" + failing + "/start").status()).isEqualTo(204);
    JsonNode state = inspect(failing);
    while (!(state.path("State").path("Status").asText().equals("exited")
        && state.path("RestartCount").asInt() == 2)) {
      Thread.sleep(50);
      state = inspect(failing);
    }
    assertThat(state.path("State").path("ExitCode").asInt()).isEqualTo(1);
    assertThat(state.path("HostConfig").path("RestartPolicy").path("Name").asText())
        .isEqualTo("on-failure");
  }

  private String waitBody(String id, String condition) throws Exception {
    try (TestClient wait =
        ApiStreams.post(
            engine.socket, "/v1.44/containers/" + id + "/wait?condition=" + condition)) {
      return new String(wait.readResponse().body());
    }
  }

  private JsonNode listed(String id) throws Exception {
    for (JsonNode item : engine.get("/v1.44/containers/json?all=1").json()) {
      if (item.path("Id").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("container " + id + " is not listed");
  }

  private List<String> ids(String path) throws Exception {
    EngineFixture.Reply reply = engine.get(path);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    var ids = new ArrayList<String>();
    reply.json().forEach(item -> ids.add(item.path("Id").asText()));
    return ids;
  }

  private static String filter(String key, String value) {
    return java.net.URLEncoder.encode(
        "{\"" + key + "\":[\"" + value + "\"]}", java.nio.charset.StandardCharsets.UTF_8);
  }
}
