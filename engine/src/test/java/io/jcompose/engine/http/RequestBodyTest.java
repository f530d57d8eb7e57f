package io.jcompose.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class RequestBodyTest {

  private static final int CHUNK = 64 << 10;

  /** Reads the body to its end and answers its length and digest. */
  private static Response digest(Request request, CountDownLatch firstBytesRead)
      throws java.io.IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    InputStream body = request.body();
    byte[] buffer = new byte[CHUNK];
    long total = 0;
    for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
      sha256.update(buffer, 0, read);
      total += read;
      firstBytesRead.countDown();
    }
    return Response.json(
        Map.of("bytes", total, "sha256", HexFormat.of().formatHex(sha256.digest())));
  }

  @Test
  void aChunkedUploadOfManyMegabytesReachesTheHandlerWhileItIsStillBeingSent() throws Exception {
    var firstBytesRead = new CountDownLatch(1);
    byte[] payload = new byte[24 << 20];
    new Random(7).nextBytes(payload);
    try (var server =
            TestServer.start(
                routes -> routes.post("/images/load", r -> digest(r, firstBytesRead)));
        var client = TestClient.connect(server.socket)) {
      client.send(
          "POST /v1.44/images/load?quiet=1 HTTP/1.1\r\nContent-Type: application/x-tar\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n");
      client.sendChunk(java.util.Arrays.copyOfRange(payload, 0, CHUNK));

      firstBytesRead.await();
      for (int offset = CHUNK; offset < payload.length; offset += CHUNK) {
        client.sendChunk(java.util.Arrays.copyOfRange(payload, offset, offset + CHUNK));
      }
      client.send("0\r\n\r\n");
      var response = client.readResponse();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText())
          .contains("\"bytes\":" + payload.length)
          .contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload)));
    }
  }

  @Test
  void aContentLengthBodyIsStreamedToo() throws Exception {
    var firstBytesRead = new CountDownLatch(1);
    byte[] payload = new byte[3 << 20];
    new Random(11).nextBytes(payload);
    try (var server =
            TestServer.start(
                routes -> routes.put("/containers/{id}/archive", r -> digest(r, firstBytesRead)));
        var client = TestClient.connect(server.socket)) {
      client.send(
          "PUT /containers/c1/archive?path=%2F HTTP/1.1\r\nContent-Length: "
              + payload.length
              + "\r\n\r\n");
      client.send(java.util.Arrays.copyOfRange(payload, 0, CHUNK));
      firstBytesRead.await();
      client.send(java.util.Arrays.copyOfRange(payload, CHUNK, payload.length));

      assertThat(client.readResponse().bodyText()).contains("\"bytes\":" + payload.length);
    }
  }

  @Test
  void aClientExpectingContinueGetsItBeforeSendingTheBody() throws Exception {
    var firstBytesRead = new CountDownLatch(1);
    try (var server =
            TestServer.start(
                routes -> routes.post("/images/load", r -> digest(r, firstBytesRead)));
        var client = TestClient.connect(server.socket)) {
      client.send(
          "POST /images/load HTTP/1.1\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");

      assertThat(client.readHead().statusLine()).isEqualTo("HTTP/1.1 100 Continue");
      client.send("tar");
      assertThat(client.readResponse().bodyText()).contains("\"bytes\":3");
    }
  }

  @Test
  void aJsonBodyIsReadIntoAWireTypeIgnoringUnknownFieldsAndNulls() throws Exception {
    record Create(
        @com.fasterxml.jackson.annotation.JsonProperty("Name") String name,
        @com.fasterxml.jackson.annotation.JsonProperty("Tty") boolean tty) {}
    try (var server =
        TestServer.start(
            routes ->
                routes.post(
                    "/create",
                    request ->
                        Response.json(
                            201,
                            request
                                .bodyAs(Create.class)
                                .map(
                                    body ->
                                        Map.of(
                                            "name", String.valueOf(body.name()), "tty", body.tty()))
                                .orElse(Map.of()))))) {
      String json = "{\"Name\":\"x\",\"Tty\":null,\"containerId\":\"abc\"}";
      var created =
          TestClient.exchange(
              server.socket,
              "POST /create HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: "
                  + json.length()
                  + "\r\n\r\n"
                  + json);
      var empty =
          TestClient.exchange(
              server.socket,
              "POST /create HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n");
      var bad =
          TestClient.exchange(
              server.socket, "POST /create HTTP/1.1\r\nContent-Length: 5\r\n\r\n{\"Na\"");

      assertThat(created.status()).isEqualTo(201);
      assertThat(created.bodyText()).contains("\"name\":\"x\"").contains("\"tty\":false");
      assertThat(empty.bodyText()).isEqualTo("{}\n");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.bodyText()).startsWith("{\"message\":\"invalid JSON in the request body");
    }
  }
}
