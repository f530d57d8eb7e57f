package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.http.TestClient;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A container's output through logs (framed, filtered, followed) and attach. */
class ContainerOutputTest extends EngineTestBase {

  private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z ";

  @Test
  void logs_areFramedByStream_andFilteredByStreamTailAndTime() throws Exception {
    String id =
        engine.create(
            "",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\",\"echo out1; echo err1 >&2; echo out2\"]}");
    assertThat(runToExit(id)).isZero();
    String logs = "/v1.44/containers/" + id + "/logs?";

    TestClient.RawResponse both = get(logs + "stdout=1&stderr=1");
    assertThat(both.header("content-type")).isEqualTo("application/vnd.docker.multiplexed-stream");
    List<ApiStreams.Frame> frames = ApiStreams.frames(both.body());
    assertThat(frames).hasSize(3);
    assertThat(ApiStreams.text(frames, 1)).isEqualTo("out1\nout2\n");
    assertThat(ApiStreams.text(frames, 2)).isEqualTo("err1\n");
    assertThat(ApiStreams.frames(get(logs + "stdout=1").body()))
        .containsExactly(new ApiStreams.Frame(1, "out1\n"), new ApiStreams.Frame(1, "out2\n"));
    assertThat(ApiStreams.frames(get(logs + "stdout=true&tail=1").body()))
        .containsExactly(new ApiStreams.Frame(1, "out2\n"));
    assertThat(ApiStreams.frames(get(logs + "stderr=1&tail=all").body()))
        .containsExactly(new ApiStreams.Frame(2, "err1\n"));

    List<ApiStreams.Frame> stamped =
        ApiStreams.frames(get(logs + "stdout=1&stderr=1&timestamps=1").body());
    assertThat(stamped).hasSize(3);
    for (ApiStreams.Frame frame : stamped) {
      assertThat(frame.text()).matches(TIMESTAMP + "(out1|err1|out2)\n");
    }
    Instant last =
        stamped.stream()
            .map(frame -> Instant.parse(frame.text().substring(0, frame.text().indexOf(' '))))
            .max(Instant::compareTo)
            .orElseThrow();
    String after = last.getEpochSecond() + "." + String.format("%09d", last.getNano() + 1);
    assertThat(get(logs + "stdout=1&stderr=1&since=" + after).body()).isEmpty();
    assertThat(get(logs + "stdout=1&stderr=1&since=0").body()).isEqualTo(both.body());
    assertThat(ApiStreams.frames(get(logs + "stdout=1&stderr=1&until=" + after).body())).hasSize(3);

    TestClient.RawResponse old = get("/v1.41/containers/" + id + "/logs?stdout=1");
    assertThat(old.header("content-type")).isNull();
    EngineFixture.Reply noStream = engine.get(logs + "follow=1");
    assertThat(noStream.status()).isEqualTo(400);
    assertThat(noStream.json().path("message").asText())
        .isEqualTo("Bad parameters: you must choose at least one stream");
  }

  @Test
  void logsOfATtyContainer_areRawBytes() throws Exception {
    String id =
        engine.create(
            "", "{\"Image\":\"busybox\",\"Tty\":true,\"Cmd\":[\"sh\",\"-c\",\"echo on-a-tty\"]}");
    assertThat(runToExit(id)).isZero();

    TestClient.RawResponse logs = get("/v1.44/containers/" + id + "/logs?stdout=1&stderr=1");

    assertThat(logs.header("content-type")).isEqualTo("application/vnd.docker.raw-stream");
    assertThat(new String(logs.body())).isEqualTo("on-a-tty\r\n");
  }

  @Test
  void follow_streamsUntilTheContainerStops_andAgainAfterARestart() throws Exception {
    Path signal = Files.createDirectories(engine.directory.resolve("signal"));
    String id =
        engine.create(
            "",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\","
                + "\"echo first; while [ ! -f /signal/stop ]; do sleep 0.05; done; echo last\"],"
                + "\"HostConfig\":{\"Binds\":[\""
                + signal
                + ":/signal\"]}}");
    for (int run = 1; run <= 2; run++) {
      assertThat(engine.post("/containers/" + id + "/start").status()).isEqualTo(204);
      try (TestClient follow = TestClient.connect(engine.socket)) {
        follow.send(TestClient.get("/v1.44/containers/" + id + "/logs?follow=1&stdout=1&stderr=1"));
        assertThat(follow.readHead().status()).isEqualTo(200);
        var received = new ByteArrayOutputStream();
        while (!ApiStreams.text(ApiStreams.frames(received.toByteArray()), 1).endsWith("first\n")) {
          received.write(follow.readChunk());
        }
        Files.writeString(signal.resolve("stop"), "");
        for (byte[] chunk = follow.readChunk(); chunk.length > 0; chunk = follow.readChunk()) {
          received.write(chunk);
        }
        assertThat(ApiStreams.text(ApiStreams.frames(received.toByteArray()), 0))
            .isEqualTo("first\nlast\n".repeat(run));
      }
      assertThat(engine.post("/v1.44/containers/" + id + "/wait").status()).isEqualTo(200);
      Files.delete(signal.resolve("stop"));
    }
  }

  @Test
  void attachBeforeStart_getsTheFirstLine_andIsClosedWhenTheContainerExits() throws Exception {
    String id =
        engine.create(
            "",
            "{\"Image\":\"busybox\",\"AttachStdout\":true,\"AttachStderr\":true,"
                + "\"Cmd\":[\"sh\",\"-c\",\"echo hi; echo oops >&2\"]}");
    try (TestClient attach =
        ApiStreams.post(
            engine.socket,
            "/v1.44/containers/" + id + "/attach?stderr=1&stdout=1&stream=1",
            "Connection: Upgrade",
            "Upgrade: tcp")) {
      TestClient.RawResponse head = attach.readHead();
      assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 UPGRADED");
      assertThat(head.header("content-type"))
          .isEqualTo("application/vnd.docker.multiplexed-stream");
      attach.shutdownOutput();
      assertThat(engine.post("/containers/" + id + "/start").status()).isEqualTo(204);

      List<ApiStreams.Frame> frames = ApiStreams.frames(attach.readToEnd());

      assertThat(ApiStreams.text(frames, 1)).isEqualTo("hi\n");
      assertThat(ApiStreams.text(frames, 2)).isEqualTo("oops\n");
    }
  }

  @Test
  void anAttachWaitingForAStart_endsWhenTheContainerIsRemovedInstead() throws Exception {
    String id = engine.create("", "{\"Image\":\"busybox\",\"Cmd\":[\"echo\",\"never\"]}");
    try (TestClient attach =
        ApiStreams.post(
            engine.socket,
            "/v1.44/containers/" + id + "/attach?stdout=1&stream=1",
            "Connection: Upgrade",
            "Upgrade: tcp")) {
      assertThat(attach.readHead().status()).isEqualTo(101);

      assertThat(engine.delete("/containers/" + id).status()).isEqualTo(204);

      assertThat(attach.readToEnd()).isEmpty();
    }
  }

  @Test
  void attachWithLogs_replaysWhatWasWritten() throws Exception {
    String id = engine.create("", "{\"Image\":\"busybox\",\"Cmd\":[\"echo\",\"earlier\"]}");
    assertThat(runToExit(id)).isZero();
    try (TestClient attach =
        ApiStreams.post(
            engine.socket, "/v1.41/containers/" + id + "/attach?logs=1&stdout=1&stream=0")) {
      TestClient.RawResponse head = attach.readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("content-type")).isEqualTo("application/vnd.docker.raw-stream");
      assertThat(ApiStreams.frames(attach.readToEnd()))
          .containsExactly(new ApiStreams.Frame(1, "earlier\n"));
    }
  }

  private TestClient.RawResponse get(String path) throws Exception {
    return TestClient.exchange(engine.socket, TestClient.get(path));
  }
}
