package io.jcompose.engine.http;

import static io.jcompose.engine.http.TestClient.exchange;
import static io.jcompose.engine.http.TestClient.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.fault.EngineFault;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RoutingTest {

  private TestServer server;

  /** Echoes what the router and query helpers made of a request. */
  private static Response echo(Request request) {
    var echoed = new LinkedHashMap<String, Object>();
    echoed.put("method", request.method());
    echoed.put("path", request.path());
    echoed.put("version", request.apiVersion().toString());
    return Response.json(echoed);
  }

  private static Response echoName(Request request) {
    return Response.json(Map.of("name", request.pathParameter("name")));
  }

  @BeforeEach
  void start() throws Exception {
    server =
        TestServer.start(
            routes ->
                routes
                    .get("/containers/json", RoutingTest::echo)
                    .get(
                        "/containers/{id}/json",
                        r -> Response.json(Map.of("id", r.pathParameter("id"))))
                    .get("/images/json", RoutingTest::echo)
                    .get("/images/{name...}/json", RoutingTest::echoName)
                    .delete("/images/{name...}", RoutingTest::echoName)
                    .get("/_ping", r -> Response.text(200, "text/plain; charset=utf-8", "OK"))
                    .head("/_ping", r -> Response.text(200, "text/plain; charset=utf-8", "OK"))
                    .get(
                        "/missing",
                        r -> {
                          throw new EngineFault.NotFound("No such container: x");
                        })
                    .get(
                        "/conflict",
                        r -> {
                          throw new EngineFault.Conflict("in use");
                        })
                    .get(
                        "/invalid",
                        r -> {
                          throw new EngineFault.InvalidArgument("bad");
                        })
                    .get(
                        "/forbidden",
                        r -> {
                          throw new EngineFault.Forbidden("no");
                        })
                    .get(
                        "/unavailable",
                        r -> {
                          throw new EngineFault.Unavailable("gone", null);
                        })
                    .get(
                        "/internal",
                        r -> {
                          throw new EngineFault.Internal("broke", null);
                        })
                    .post(
                        "/running",
                        r -> {
                          throw new EngineFault.NotModified("running");
                        })
                    .get(
                        "/bug",
                        r -> {
                          throw new IllegalStateException("a bug");
                        })
                    .get("/created", r -> Response.empty(201))
                    .get("/nocontent", r -> Response.empty(204)));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void theSameRouteAnswersWithAndWithoutAVersionPrefix() throws Exception {
    var plain = exchange(server.socket, get("/containers/json?all=1"));
    var versioned = exchange(server.socket, get("/v1.41/containers/json"));

    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.bodyText())
        .isEqualTo("{\"method\":\"GET\",\"path\":\"/containers/json\",\"version\":\"1.44\"}\n");
    assertThat(versioned.bodyText()).contains("\"version\":\"1.41\"");
    assertThat(plain.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void pathParametersAreDecodedAndImageNamesSpanSeveralSegments() throws Exception {
    assertThat(exchange(server.socket, get("/v1.44/images/local%2Fbusybox:1/json")).bodyText())
        .isEqualTo("{\"name\":\"local/busybox:1\"}\n");
    assertThat(exchange(server.socket, get("/images/local/busybox:1/json")).bodyText())
        .isEqualTo("{\"name\":\"local/busybox:1\"}\n");
    assertThat(exchange(server.socket, get("/images/sha256:abc/json")).bodyText())
        .isEqualTo("{\"name\":\"sha256:abc\"}\n");
    assertThat(
            exchange(server.socket, "DELETE /images/docker.io/library/alpine:3 HTTP/1.1\r\n\r\n")
                .bodyText())
        .isEqualTo("{\"name\":\"docker.io/library/alpine:3\"}\n");
    assertThat(exchange(server.socket, get("/containers/my%20box/json")).bodyText())
        .isEqualTo("{\"id\":\"my box\"}\n");
  }

  @Test
  void literalRoutesWinOverCaptures() throws Exception {
    assertThat(exchange(server.socket, get("/images/json")).bodyText())
        .contains("\"path\":\"/images/json\"");
  }

  @Test
  void aVersionAboveTheMaximumIsRefusedWithDockerdsMessage() throws Exception {
    var response = exchange(server.socket, get("/v1.45/_ping"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyText())
        .isEqualTo(
            "{\"message\":\"client version 1.45 is too new. Maximum supported API version is"
                + " 1.44\"}\n");
  }

  @Test
  void aVersionBelowTheMinimumIsRefusedAsPlainText() throws Exception {
    var response = exchange(server.socket, get("/v1.11/containers/json"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.bodyText())
        .isEqualTo(
            "client version 1.11 is too old. Minimum supported API version is 1.24, please"
                + " upgrade your client to a newer version");
  }

  @Test
  void unknownRoutesMethodsAndPrefixesAreNotFound() throws Exception {
    for (String request :
        new String[] {
          get("/nowhere"),
          get("/vfoo/_ping"),
          "POST /containers/json HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
          get("/containers/json/"),
          get("/v1.44")
        }) {
      var response = exchange(server.socket, request);
      assertThat(response.status()).as(request).isEqualTo(404);
      assertThat(response.bodyText()).isEqualTo("{\"message\":\"page not found\"}\n");
    }
  }

  @Test
  void everyResponseCarriesTheEngineHeaders() throws Exception {
    for (String path : new String[] {"/_ping", "/nowhere", "/v1.99/_ping", "/missing", "/bug"}) {
      var response = exchange(server.socket, get(path));
      assertThat(response.header("Api-Version")).as(path).isEqualTo("1.44");
      assertThat(response.header("Docker-Experimental")).as(path).isEqualTo("false");
      assertThat(response.header("Ostype")).as(path).isEqualTo("linux");
      assertThat(response.header("Server"))
          .as(path)
          .isEqualTo("jcompose-engine/0.1.0-test (linux)");
      assertThat(response.header("Date")).as(path).endsWith(" GMT");
    }
  }

  @Test
  void headAnswersHeadersOnly() throws Exception {
    try (TestClient client = TestClient.connect(server.socket)) {
      client.send("HEAD /_ping HTTP/1.1\r\n\r\n");
      var head = client.readResponse(true);
      client.send(get("/_ping"));
      var body = client.readResponse();

      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Length")).isEqualTo("0");
      assertThat(body.bodyText()).isEqualTo("OK");
    }
  }

  @Test
  void engineFaultsBecomeTheirStatusesWithADockerBody() throws Exception {
    Map<String, Integer> expected =
        Map.of(
            "/missing", 404,
            "/conflict", 409,
            "/invalid", 400,
            "/forbidden", 403,
            "/unavailable", 503,
            "/internal", 500,
            "/bug", 500);
    for (var entry : expected.entrySet()) {
      var response = exchange(server.socket, get(entry.getKey()));
      assertThat(response.status()).as(entry.getKey()).isEqualTo(entry.getValue());
      assertThat(response.header("Content-Type")).isEqualTo("application/json");
      assertThat(response.bodyText()).startsWith("{\"message\":\"");
    }
    assertThat(exchange(server.socket, get("/missing")).bodyText())
        .isEqualTo("{\"message\":\"No such container: x\"}\n");
    assertThat(exchange(server.socket, get("/bug")).bodyText())
        .isEqualTo("{\"message\":\"a bug\"}\n");
  }

  @Test
  void unexpectedFailuresAreNoticedAndClientMistakesAreNot() throws Exception {
    exchange(server.socket, get("/bug"));
    exchange(server.socket, get("/missing"));

    assertThat(server.notices)
        .singleElement()
        .isInstanceOfSatisfying(
            ServerNotice.HandlerFailed.class,
            failed -> {
              assertThat(failed.uri()).isEqualTo("/bug");
              assertThat(failed.error()).hasMessage("a bug");
            });
  }

  @Test
  void notModifiedAndNoContentHaveNoBodyAndNoLength() throws Exception {
    try (TestClient client = TestClient.connect(server.socket)) {
      client.send("POST /v1.41/running HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
      var notModified = client.readResponse();
      client.send(get("/nocontent"));
      var noContent = client.readResponse();
      client.send(get("/created"));
      var created = client.readResponse();

      assertThat(notModified.statusLine()).isEqualTo("HTTP/1.1 304 Not Modified");
      assertThat(notModified.headers()).doesNotContainKeys("content-length", "content-type");
      assertThat(notModified.header("Api-Version")).isEqualTo("1.44");
      assertThat(noContent.status()).isEqualTo(204);
      assertThat(noContent.headers()).doesNotContainKey("content-length");
      assertThat(created.status()).isEqualTo(201);
      assertThat(created.header("Content-Length")).isEqualTo("0");
    }
  }
}
