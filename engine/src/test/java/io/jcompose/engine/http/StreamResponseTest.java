package io.jcompose.engine.http;

import static io.jcompose.engine.http.TestClient.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class StreamResponseTest {

  private final CountDownLatch headersSeen = new CountDownLatch(1);
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        TestServer.start(
            routes ->
                routes
                    .get(
                        "/events",
                        request ->
                            Response.jsonLines(
                                out -> {
                                  headersSeen.await();
                                  out.write(Map.of("Action", "create"));
                                  out.write(Map.of("Action", "destroy"));
                                }))
                    .post(
                        "/images/load",
                        request ->
                            Response.progress(
                                out -> out.write(Map.of("stream", "Loaded image: a:1\n"))))
                    .get(
                        "/containers/{id}/logs",
                        request ->
                            Response.stream(
                                Optional.empty(),
                                out -> {
                                  var frames = new MultiplexedStream(out);
                                  frames
                                      .framing(MultiplexedStream.Kind.STDOUT)
                                      .write("hi\n".getBytes());
                                  frames.write(
                                      MultiplexedStream.Kind.STDERR, "oops\n".getBytes(), 0, 5);
                                  frames.write(MultiplexedStream.Kind.STDOUT, new byte[0], 0, 0);
                                })));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void headersOfAJsonLineStreamGoOutBeforeItsFirstObject() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(get("/v1.44/events?since=0"));
      var head = client.readHead();
      headersSeen.countDown();

      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Type")).isEqualTo("application/json");
      assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(head.header("Api-Version")).isEqualTo("1.44");
      assertThat(new String(client.readChunk(), StandardCharsets.UTF_8))
          .isEqualTo("{\"Action\":\"create\"}\n");
      assertThat(new String(client.readChunk(), StandardCharsets.UTF_8))
          .isEqualTo("{\"Action\":\"destroy\"}\n");
      assertThat(client.readChunk()).isEmpty();
      client.readLine();

      client.send(get("/v1.44/events"));
      assertThat(client.readResponse().chunks()).hasSize(2);
    }
  }

  @Test
  void progressObjectsEndWithCarriageReturnNewline() throws Exception {
    var response =
        TestClient.exchange(
            server.socket, "POST /images/load HTTP/1.1\r\nContent-Length: 0\r\n\r\n");

    assertThat(response.bodyText()).isEqualTo("{\"stream\":\"Loaded image: a:1\\n\"}\r\n");
  }

  @Test
  void framedOutputCarriesTheEightByteHeaderPerWrite() throws Exception {
    var response = TestClient.exchange(server.socket, get("/containers/c1/logs?stdout=1&stderr=1"));

    assertThat(response.headers()).doesNotContainKey("content-type");
    assertThat(HexFormat.of().formatHex(response.body()))
        .isEqualTo("0100000000000003" + "68690a" + "0200000000000005" + "6f6f70730a");
    assertThat(response.chunks()).hasSize(2);
  }

  @Test
  void theStreamContentTypeDependsOnVersionAndTty() {
    assertThat(MultiplexedStream.contentType(new ApiVersion(1, 44), false))
        .isEqualTo("application/vnd.docker.multiplexed-stream");
    assertThat(MultiplexedStream.contentType(new ApiVersion(1, 44), true))
        .isEqualTo("application/vnd.docker.raw-stream");
    assertThat(MultiplexedStream.contentType(new ApiVersion(1, 41), false))
        .isEqualTo("application/vnd.docker.raw-stream");
  }
}
