package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import io.jcompose.engine.http.TestClient;
import org.junit.jupiter.api.Test;

/** Exec: the docker CLI's, docker-java's (no upgrade) and detached ones, and their mistakes. */
class ExecTest extends EngineTestBase {

  @Test
  void dockerExec_printsBothStreams_andExitsWithTheCommandsCode() throws Exception {
    assertThat(
            engine
                .docker("run", "-d", "--name", "exec-target", "busybox", "sleep", "100")
                .exitCode())
        .isZero();

    DockerCli.Run exec =
        engine.docker("exec", "exec-target", "sh", "-c", "echo out; echo err >&2; exit 4");

    assertThat(exec.exitCode()).isEqualTo(4);
    assertThat(exec.stdout()).isEqualTo("out\n");
    assertThat(exec.stderr()).isEqualTo("err\n");
    assertThat(engine.docker("exec", "exec-target", "hostname").stdout())
        .isEqualTo(inspect("exec-target").path("Config").path("Hostname").asText() + "\n");
    assertThat(engine.docker("rm", "-f", "exec-target").exitCode()).isZero();
  }

  @Test
  void anExecStartedWithoutUpgrade_streamsFramesThenCloses_andIsInspectedAfterwards()
      throws Exception {
    String container = engine.create("", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"]}");
    String notRunning = execCreate(container, "[\"true\"]");
    assertThat(notRunning).isEqualTo("409");
    assertThat(engine.post("/containers/" + container + "/start").status()).isEqualTo(204);
    String exec = execCreate(container, "[\"sh\",\"-c\",\"echo hello; exit 7\"]");
    JsonNode before = engine.get("/exec/" + exec + "/json").json();
    assertThat(before.path("ExitCode").isNull()).isTrue();
    assertThat(before.path("Running").asBoolean()).isFalse();

    try (TestClient start = TestClient.connect(engine.socket)) {
      String body = "{\"Detach\":null,\"Tty\":null}";
      start.send(
          "POST /v1.32/exec/"
              + exec
              + "/start HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + body.length()
              + "\r\n\r\n"
              + body);
      TestClient.RawResponse head = start.readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("content-type")).isEqualTo("application/vnd.docker.raw-stream");
      assertThat(ApiStreams.frames(start.readToEnd()))
          .containsExactly(new ApiStreams.Frame(1, "hello\n"));
    }
    JsonNode after = engine.get("/exec/" + exec + "/json").json();
    assertThat(after.path("ExitCode").asInt()).isEqualTo(7);
    assertThat(after.path("ContainerID").asText()).isEqualTo(container);
    assertThat(after.path("ProcessConfig").path("entrypoint").asText()).isEqualTo("sh");
    EngineFixture.Reply again = engine.post("/exec/" + exec + "/start", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(engine.get("/exec/nope/json").json().path("message").asText())
        .isEqualTo("No such exec instance: nope");

    String detached = execCreate(container, "[\"sh\",\"-c\",\"exit 3\"]");
    assertThat(engine.post("/exec/" + detached + "/start", "{\"Detach\":true}").status())
        .isEqualTo(200);
    JsonNode finished = engine.get("/exec/" + detached + "/json").json();
    while (finished.path("ExitCode").isNull()) {
      Thread.sleep(20);
      finished = engine.get("/exec/" + detached + "/json").json();
    }
    assertThat(finished.path("ExitCode").asInt()).isEqualTo(3);
    assertThat(engine.delete("/containers/" + container + "?force=1").status()).isEqualTo(204);
  }

  /** The new exec's id, or the status of a refused create. */
  private String execCreate(String container, String command) throws Exception {
    EngineFixture.Reply reply =
        engine.post(
            "/containers/" + container + "/exec",
            "{\"AttachStdout\":true,\"AttachStderr\":true,\"Cmd\":" + command + "}");
    return reply.status() == 201
        ? reply.json().path("Id").asText()
        : Integer.toString(reply.status());
  }
}
