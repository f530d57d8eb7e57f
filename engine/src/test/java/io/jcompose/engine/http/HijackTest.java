package io.jcompose.engine.http;

import static io.jcompose.engine.http.TestClient.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HijackTest {

  private static final String ATTACH =
      "POST /v1.41/containers/c1/attach?stderr=1&stdout=1&stream=1&stdin=1 HTTP/1.1\r\n"
          + "Host: api.moby.localhost\r\nUser-Agent: Docker-Client/28.2.2 (linux)\r\n"
          + "Content-Length: 0\r\nConnection: Upgrade\r\nContent-Type: text/plain\r\n"
          + "Upgrade: tcp\r\n\r\n";

  private TestServer server;

  /**
   * Like a container running {@code cat}: every piece of stdin comes back as a stdout frame; at
   * stdin's end it says so on stderr and exits.
   */
  private static void cat(HijackedConnection connection) throws java.io.IOException {
    var frames = new MultiplexedStream(connection.output());
    frames.write(MultiplexedStream.Kind.STDOUT, "ready\n".getBytes(), 0, 6);
    InputStream stdin = connection.input();
    byte[] buffer = new byte[4096];
    for (int read = stdin.read(buffer); read >= 0; read = stdin.read(buffer)) {
      frames.write(MultiplexedStream.Kind.STDOUT, buffer, 0, read);
    }
    byte[] bye = ("stdin closed, upgraded=" + connection.upgraded() + "\n").getBytes();
    frames.write(MultiplexedStream.Kind.STDERR, bye, 0, bye.length);
  }

  @BeforeEach
  void start() throws Exception {
    server =
        TestServer.start(
            routes ->
                routes
                    .post(
                        "/containers/{id}/attach",
                        request ->
                            Response.hijack(
                                MultiplexedStream.contentType(request.apiVersion(), false),
                                HijackTest::cat))
                    .post("/containers/{id}/start", request -> Response.empty(204))
                    .get("/containers/{id}/json", request -> Response.json(Map.of("Id", "c1"))));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static String frame(TestClient client) throws Exception {
    byte[] header = client.readExactly(8);
    int length =
        (header[4] & 0xff) << 24
            | (header[5] & 0xff) << 16
            | (header[6] & 0xff) << 8
            | header[7] & 0xff;
    return header[0] + ":" + new String(client.readExactly(length), StandardCharsets.UTF_8);
  }

  @Test
  void anUpgradeGets101ThenTheConnectionIsARawPipeAndHalfCloseOnlyEndsStdin() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(ATTACH);
      var head = client.readHead();

      assertThat(head.statusLine()).isEqualTo("HTTP/1.1 101 UPGRADED");
      assertThat(head.header("Content-Type")).isEqualTo("application/vnd.docker.raw-stream");
      assertThat(head.header("Connection")).isEqualTo("Upgrade");
      assertThat(head.header("Upgrade")).isEqualTo("tcp");
      assertThat(head.header("Api-Version")).isEqualTo("1.44");
      assertThat(head.headers()).doesNotContainKeys("content-length", "transfer-encoding");
      assertThat(frame(client)).isEqualTo("1:ready\n");

      client.send("hello\n");
      assertThat(frame(client)).isEqualTo("1:hello\n");
      client.shutdownOutput();

      assertThat(frame(client)).isEqualTo("2:stdin closed, upgraded=true\n");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void theFirst101BytesAreExactlyDockerds() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(ATTACH.replace("/v1.41/", "/v1.44/"));
      client.shutdownOutput();
      byte[] all = client.readToEnd();
      String text = new String(all, StandardCharsets.ISO_8859_1);

      assertThat(text)
          .startsWith(
              "HTTP/1.1 101 UPGRADED\r\n"
                  + "Content-Type: application/vnd.docker.multiplexed-stream\r\n"
                  + "Connection: Upgrade\r\n"
                  + "Upgrade: tcp\r\n");
      int bodyStart = text.indexOf("\r\n\r\n") + 4;
      assertThat(HexFormat.of().formatHex(all, bodyStart, bodyStart + 14))
          .isEqualTo("0100000000000006" + HexFormat.of().formatHex("ready\n".getBytes()));
    }
  }

  @Test
  void stdinSentRightBehindTheRequestIsNotParsedAsHttp() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(ATTACH + "early bytes\r\n\r\nGET / HTTP/1.1\r\n\r\n");
      client.shutdownOutput();
      client.readHead();

      var output = new ByteArrayOutputStream();
      assertThat(frame(client)).isEqualTo("1:ready\n");
      for (String frame = frame(client); !frame.startsWith("2:"); frame = frame(client)) {
        output.write(frame.substring(2).getBytes(StandardCharsets.UTF_8));
      }
      assertThat(output.toString(StandardCharsets.UTF_8))
          .isEqualTo("early bytes\r\n\r\nGET / HTTP/1.1\r\n\r\n");
    }
  }

  @Test
  void aConnectionThatServedRequestsCanBeHijackedLater() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(get("/containers/c1/json"));
      assertThat(client.readResponse().status()).isEqualTo(200);
      client.send("POST /containers/c1/start HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
      assertThat(client.readResponse().status()).isEqualTo(204);

      client.send(ATTACH);
      assertThat(client.readHead().status()).isEqualTo(101);
      assertThat(frame(client)).isEqualTo("1:ready\n");
      client.shutdownOutput();
      assertThat(frame(client)).isEqualTo("2:stdin closed, upgraded=true\n");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void withoutUpgradeTheOutputIsA200BodyEndedByClose() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(
          "POST /v1.32/containers/c1/attach?stdout=1 HTTP/1.1\r\nContent-Length: 0\r\n"
              + "Connection: keep-alive\r\n\r\n");
      var head = client.readHead();

      assertThat(head.statusLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(head.header("Content-Type")).isEqualTo("application/vnd.docker.raw-stream");
      assertThat(head.headers()).doesNotContainKeys("content-length", "transfer-encoding");
      assertThat(head.header("Api-Version")).isEqualTo("1.44");
      assertThat(frame(client)).isEqualTo("1:ready\n");
      assertThat(frame(client)).isEqualTo("2:stdin closed, upgraded=false\n");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void anUpgradeRequestToAnOrdinaryRouteStaysHttp() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(
          "POST /containers/c1/start HTTP/1.1\r\nContent-Length: 0\r\nConnection: Upgrade\r\n"
              + "Upgrade: tcp\r\n\r\n"
              + get("/containers/c1/json"));

      assertThat(client.readResponse().status()).isEqualTo(204);
      assertThat(client.readResponse().bodyText()).isEqualTo("{\"Id\":\"c1\"}\n");
      client.send(get("/containers/c1/json"));
      assertThat(client.readResponse().status()).isEqualTo(200);
    }
  }

  @Test
  void theServerKeepsWritingAfterTheClientHalfClosedUntilTheHandlerEnds() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(ATTACH + "x".repeat(100_000));
      client.shutdownOutput();
      client.readHead();

      long received = 0;
      assertThat(frame(client)).isEqualTo("1:ready\n");
      for (String frame = frame(client); !frame.startsWith("2:"); frame = frame(client)) {
        received += frame.length() - 2;
      }
      assertThat(received).isEqualTo(100_000);
      assertThat(client.closedByServer()).isTrue();
    }
  }
}
