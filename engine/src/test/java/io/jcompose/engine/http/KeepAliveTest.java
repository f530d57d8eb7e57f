package io.jcompose.engine.http;

import static io.jcompose.engine.http.TestClient.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class KeepAliveTest {

  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        TestServer.start(
            routes ->
                routes
                    .get("/n/{n}", r -> Response.json(Map.of("n", r.pathParameter("n"))))
                    .post(
                        "/echo",
                        r -> Response.text(200, "text/plain", new String(r.body().readAllBytes())))
                    .post("/ignore", r -> Response.empty(204))
                    .head("/_ping", r -> Response.text(200, "text/plain", "OK")));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void oneConnectionCarriesManyRequestsOneAfterAnother() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send("HEAD /_ping HTTP/1.1\r\nHost: api.moby.localhost\r\n\r\n");
      assertThat(client.readResponse(true).status()).isEqualTo(200);
      client.send(get("/v1.41/n/1"));
      assertThat(client.readResponse().bodyText()).isEqualTo("{\"n\":\"1\"}\n");
      client.send("POST /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
      assertThat(client.readResponse().bodyText()).isEqualTo("hello");
      client.send("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
      assertThat(client.readResponse().bodyText()).isEqualTo("abc");
      client.send("POST /ignore HTTP/1.1\r\nContent-Length: 7\r\n\r\nunread!");
      assertThat(client.readResponse().status()).isEqualTo(204);
      client.send(get("/n/2"));
      assertThat(client.readResponse().bodyText()).isEqualTo("{\"n\":\"2\"}\n");
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      var pipeline = new StringBuilder();
      for (int n = 1; n <= 5; n++) {
        pipeline.append(get("/n/" + n));
        pipeline.append("POST /echo HTTP/1.1\r\nContent-Length: 1\r\n\r\n").append(n);
      }
      client.send(pipeline.toString());

      for (int n = 1; n <= 5; n++) {
        assertThat(client.readResponse().bodyText()).isEqualTo("{\"n\":\"" + n + "\"}\n");
        assertThat(client.readResponse().bodyText()).isEqualTo(String.valueOf(n));
      }
    }
  }

  @Test
  void aRequestSplitAcrossWritesIsReassembled() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send("POST /echo HTTP/1.1\r\nContent-Le");
      client.send("ngth: 4\r\n\r\n");
      client.send("ab");
      client.send("cd");

      assertThat(client.readResponse().bodyText()).isEqualTo("abcd");
    }
  }

  @Test
  void aConnectionOpenedAndClosedWithoutARequestLeavesTheServerServing() throws Exception {
    for (int i = 0; i < 3; i++) {
      TestClient.connect(server.socket).close();
    }
    try (var client = TestClient.connect(server.socket)) {
      client.shutdownOutput();
      assertThat(client.closedByServer()).isTrue();
    }

    assertThat(TestClient.exchange(server.socket, get("/n/9")).bodyText()).contains("9");
    assertThat(server.notices).isEmpty();
  }

  @Test
  void connectionCloseIsHonoured() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send("GET /n/1 HTTP/1.1\r\nConnection: close\r\n\r\n");
      var response = client.readResponse();

      assertThat(response.header("Connection")).isEqualTo("close");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void aMalformedRequestGetsA400AndTheConnectionCloses() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send("GET /n/1 HTTP/1.1\r\nContent-Length: nope\r\n\r\n");
      var response = client.readResponse();

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.bodyText()).startsWith("{\"message\":\"malformed HTTP request");
      assertThat(client.closedByServer()).isTrue();
    }
  }
}
