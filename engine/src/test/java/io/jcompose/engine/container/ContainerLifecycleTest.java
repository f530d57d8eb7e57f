package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import io.jcompose.engine.http.TestClient;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failed starts, the events of a container's life, and the counts of /info. */
class ContainerLifecycleTest extends EngineTestBase {

  @Test
  void aStartThatCannotBindItsPort_leavesTheContainerCreatedWithNothingHeld() throws Exception {
    int port = EngineFixture.freePort();
    String body =
        "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"],"
            + "\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\""
            + port
            + "\"}]}}}";
    String first = engine.create("port-owner", body);
    String second = engine.create("port-taker", body);
    assertThat(engine.post("/containers/" + first + "/start").status()).isEqualTo(204);

    EngineFixture.Reply refused = engine.post("/containers/" + second + "/start");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("message").asText())
        .isEqualTo("Bind for 0.0.0.0:" + port + " failed: port is already allocated");
    JsonNode state = inspect(second).path("State");
    assertThat(state.path("Status").asText()).isEqualTo("created");
    assertThat(state.path("Error").asText()).contains("port is already allocated");
    assertThat(inspect(second).path("NetworkSettings").path("SandboxKey").asText()).isEmpty();
    assertThat(engine.delete("/containers/" + first + "?force=1").status()).isEqualTo(204);
    assertThat(engine.post("/containers/" + second + "/start").status()).isEqualTo(204);
    assertThat(inspect(second).path("State").path("Error").asText()).isEmpty();
    assertThat(engine.delete("/containers/" + second + "?force=1").status()).isEqualTo(204);
  }

  @Test
  void aCommandThatDoesNotExist_failsTheStart_andTheContainerStaysCreated() throws Exception {
    String id = engine.create("", "{\"Image\":\"busybox\",\"Cmd\":[\"/no/such/program\"]}");

    EngineFixture.Reply refused = engine.post("/containers/" + id + "/start");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("/no/such/program");
    assertThat(inspect(id).path("State").path("Status").asText()).isEqualTo("created");
    assertThat(engine.delete("/containers/" + id).status()).isEqualTo(204);
  }

  @Test
  void aContainersLife_isPublishedAsDockerdsEvents() throws Exception {
    Instant since = Instant.now();
    String id =
        engine.create(
            "evented",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"],\"Labels\":{\"k\":\"v\"}}");
    assertThat(engine.post("/containers/evented/start").status()).isEqualTo(204);
    assertThat(engine.post("/containers/evented/rename?name=evented2").status()).isEqualTo(204);
    assertThat(engine.post("/containers/evented2/stop?t=0").status()).isEqualTo(204);
    assertThat(engine.delete("/containers/evented2").status()).isEqualTo(204);
    Instant until = Instant.now();

    TestClient.RawResponse events =
        TestClient.exchange(
            engine.socket,
            TestClient.get(
                "/events?since="
                    + since.getEpochSecond()
                    + "&until="
                    + (until.getEpochSecond() + 1)));
    List<String> actions = new ArrayList<>();
    for (String line : events.bodyText().split("\n")) {
      JsonNode event = EngineFixture.JSON.readTree(line);
      JsonNode attributes = event.path("Actor").path("Attributes");
      if (!event.path("Actor").path("ID").asText().equals(id)
          && !attributes.path("container").asText().equals(id)) {
        continue;
      }
      actions.add(event.path("Type").asText() + " " + event.path("Action").asText());
      if (event.path("Type").asText().equals("container")) {
        assertThat(event.path("Actor").path("Attributes").path("k").asText()).isEqualTo("v");
        assertThat(event.path("Actor").path("Attributes").path("image").asText())
            .isEqualTo("busybox");
      }
      if (event.path("Action").asText().equals("die")) {
        assertThat(event.path("Actor").path("Attributes").path("exitCode").asText())
            .isEqualTo("137");
      }
    }
    assertThat(actions)
        .containsExactly(
            "container create",
            "network connect",
            "container start",
            "container rename",
            "container kill",
            "container kill",
            "container die",
            "network disconnect",
            "container stop",
            "container destroy");
  }

  @Test
  void aContainerWhoseConmonDied_isStillStoppedAndRemoved() throws Exception {
    String stopped = engine.create("", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"]}");
    String removed = engine.create("", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"]}");
    for (String id : List.of(stopped, removed)) {
      assertThat(engine.post("/containers/" + id + "/start").status()).isEqualTo(204);
      long conmon =
          Long.parseLong(
              Files.readString(engine.dataRoot.resolve("containers/" + id + "/conmon.pid"))
                  .strip());
      ProcessHandle.of(conmon).orElseThrow().destroyForcibly();
      ProcessHandle.of(conmon).ifPresent(process -> process.onExit().join());
    }

    assertThat(engine.post("/containers/" + stopped + "/stop?t=0").status()).isEqualTo(204);
    assertThat(inspect(stopped).path("State").path("ExitCode").asInt()).isEqualTo(137);
    assertThat(engine.delete("/containers/" + removed + "?force=1").status()).isEqualTo(204);
    assertThat(engine.get("/containers/" + removed + "/json").status()).isEqualTo(404);
    assertThat(engine.delete("/containers/" + stopped).status()).isEqualTo(204);
  }

  @Test
  void infoCountsTheContainersByState() throws Exception {
    String running = engine.create("", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"]}");
    String stopped = engine.create("", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");
    assertThat(engine.post("/containers/" + running + "/start").status()).isEqualTo(204);

    DockerCli.Run info =
        engine.docker(
            "info",
            "--format",
            "{{.Containers}} {{.ContainersRunning}} {{.ContainersStopped}} {{.Images}}");

    assertThat(info.stdout()).as(info.stderr()).isEqualTo("2 1 1 2\n");
    assertThat(engine.delete("/containers/" + running + "?force=1").status()).isEqualTo(204);
    assertThat(engine.delete("/containers/" + stopped).status()).isEqualTo(204);
  }
}
