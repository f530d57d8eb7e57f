package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import io.jcompose.engine.host.HostCommand;
import io.jcompose.engine.http.TestClient;
import io.jcompose.engine.testimage.BusyboxImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Containers outlive the engine: a closed engine, and one killed with SIGKILL in a process of its
 * own, leave them running, and the next engine on the same data root adopts them (or records how
 * they ended meanwhile).
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestartTest {

  private EngineFixture engine;

  @BeforeAll
  void prepare() throws Exception {
    engine = EngineFixture.create();
    try {
      engine.load(BusyboxImage.create());
      engine.createNetwork("front");
    } catch (Exception | Error e) {
      engine.close();
      throw e;
    }
  }

  @BeforeEach
  void noEngineRuns() {
    engine.stop();
  }

  @AfterAll
  void removeEverything() throws Exception {
    try {
      engine.stop();
      engine.start();
      engine.removeAllContainers();
      engine.stop();
      assertThat(engine.leftovers()).isEmpty();
    } finally {
      engine.close();
    }
  }

  @Test
  void aClosedEnginesContainersRunOn_andTheNextEngineAdoptsThemWithTheirPorts() throws Exception {
    engine.start();
    int port = EngineFixture.freePort();
    String id =
        engine.create(
            "adopted",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\","
                + "\"echo ok > /tmp/index.html; echo serving; exec httpd -f -p 80 -h /tmp\"],"
                + "\"ExposedPorts\":{\"80/tcp\":{}},"
                + "\"HostConfig\":{\"NetworkMode\":\"front\","
                + "\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\""
                + port
                + "\"}]}}}");
    assertThat(engine.post("/containers/" + id + "/start").status()).isEqualTo(204);
    long pid = inspect(id).path("State").path("Pid").asLong();
    assertThat(EngineFixture.httpGet(port)).isEqualTo("ok\n");

    engine.stop();

    assertThat(runcStatus(id)).isEqualTo("running");
    engine.start();
    JsonNode adopted = inspect(id);
    assertThat(adopted.path("State").path("Running").asBoolean()).isTrue();
    assertThat(adopted.path("State").path("Pid").asLong()).isEqualTo(pid);
    assertThat(EngineFixture.httpGet(port)).isEqualTo("ok\n");
    assertThat(logs(id)).isEqualTo("serving\n");
    assertThat(engine.post("/containers/" + id + "/stop?t=0").status()).isEqualTo(204);
    assertThat(inspect(id).path("State").path("ExitCode").asInt()).isEqualTo(137);
    assertThat(engine.delete("/containers/" + id).status()).isEqualTo(204);
  }

  @Test
  void aPausedContainer_staysPausedAcrossAnEngineRestart_andUnpausesAfter() throws Exception {
    engine.start();
    String id =
        engine.create(
            "frozen", "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"exec sleep 1000\"]}");
    assertThat(engine.post("/containers/" + id + "/start").status()).isEqualTo(204);
    assertThat(engine.post("/containers/" + id + "/pause").status()).isEqualTo(204);

    engine.stop();
    assertThat(runcStatus(id)).isEqualTo("paused");
    engine.start();

    JsonNode state = inspect(id).path("State");
    assertThat(state.path("Status").asText()).isEqualTo("paused");
    assertThat(state.path("Paused").asBoolean()).isTrue();
    assertThat(runcStatus(id)).isEqualTo("paused");
    assertThat(engine.post("/containers/" + id + "/unpause").status()).isEqualTo(204);
    assertThat(runcStatus(id)).isEqualTo("running");
    assertThat(engine.delete("/containers/" + id + "?force=1").status()).isEqualTo(204);
  }

  @Test
  void aKilledEnginesContainersRunOn_andExitsWhileNoEngineWatchedAreRecorded() throws Exception {
    Path signal = Files.createDirectories(engine.directory.resolve("go-signal"));
    Process process = new ProcessBuilder(engine.engineCommand()).redirectErrorStream(true).start();
    String survivor;
    String finisher;
    try {
      var output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      assertThat(output.readLine()).startsWith("jcompose-engine: serving the Docker API");
      survivor =
          engine.create(
              "survivor",
              "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo before; exec sleep 1000\"]}");
      finisher =
          engine.create(
              "finisher",
              "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\","
                  + "\"while [ ! -f /signal/go ]; do sleep 0.05; done; echo done; exit 7\"],"
                  + "\"HostConfig\":{\"Binds\":[\""
                  + signal
                  + ":/signal\"]}}");
      assertThat(engine.post("/containers/" + survivor + "/start").status()).isEqualTo(204);
      assertThat(engine.post("/containers/" + finisher + "/start").status()).isEqualTo(204);
    } finally {
      process.destroyForcibly();
      process.waitFor();
    }
    Files.writeString(signal.resolve("go"), "");
    while (!runcStatus(finisher).equals("stopped")) {
      Thread.sleep(20);
    }

    engine.start();

    JsonNode running = inspect(survivor);
    assertThat(running.path("State").path("Status").asText()).isEqualTo("running");
    assertThat(logs(survivor)).isEqualTo("before\n");
    JsonNode finished = inspect(finisher);
    assertThat(finished.path("State").path("Status").asText()).isEqualTo("exited");
    assertThat(finished.path("State").path("ExitCode").asInt()).isEqualTo(7);
    assertThat(finished.path("State").path("FinishedAt").asText()).isNotEqualTo(ApiTime.ZERO);
    assertThat(logs(finisher)).isEqualTo("done\n");
    assertThat(runcStatus(finisher)).isEqualTo("gone");
    assertThat(engine.delete("/containers/" + survivor + "?force=1").status()).isEqualTo(204);
    assertThat(engine.delete("/containers/" + finisher).status()).isEqualTo(204);
    assertThat(runcStatus(survivor)).isEqualTo("gone");
  }

  @Test
  void anAlwaysContainerThatEndedWhileNoEngineRan_isStartedByTheNextEngine() throws Exception {
    engine.start();
    DockerCli.Run run =
        engine.docker(
            "run", "-d", "--name", "always-on", "--restart", "always", "busybox", "sleep", "1000");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    String id = run.stdout().strip();
    long firstPid = inspect(id).path("State").path("Pid").asLong();
    engine.stop();
    assertThat(
            HostCommand.run(
                    "runc",
                    "--root",
                    engine.execRoot.resolve("runc").toString(),
                    "kill",
                    id,
                    "KILL")
                .succeeded())
        .isTrue();
    while (!runcStatus(id).equals("stopped")) {
      Thread.sleep(20);
    }

    engine.start();

    JsonNode state = inspect(id).path("State");
    while (!state.path("Running").asBoolean()) {
      Thread.sleep(50);
      state = inspect(id).path("State");
    }
    assertThat(state.path("Pid").asLong()).isNotEqualTo(firstPid);
    assertThat(engine.docker("ps", "--format", "{{.Names}}").stdout()).isEqualTo("always-on\n");
    assertThat(engine.docker("rm", "-f", "always-on").exitCode()).isZero();
  }

  private JsonNode inspect(String id) throws Exception {
    EngineFixture.Reply reply = engine.get("/containers/" + id + "/json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  private String logs(String id) throws Exception {
    TestClient.RawResponse response =
        TestClient.exchange(
            engine.socket, TestClient.get("/containers/" + id + "/logs?stdout=1&stderr=1"));
    return ApiStreams.text(ApiStreams.frames(response.body()), 0);
  }

  /** What runc says of the container: running, stopped ..., or gone. */
  private String runcStatus(String id) throws Exception {
    HostCommand.Result state =
        HostCommand.run("runc", "--root", engine.execRoot.resolve("runc").toString(), "state", id);
    if (!state.succeeded()) {
      return "gone";
    }
    return EngineFixture.JSON.readTree(state.stdout()).path("status").asText();
  }
}
