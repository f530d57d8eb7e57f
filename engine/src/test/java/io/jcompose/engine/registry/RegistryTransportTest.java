package io.jcompose.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where the registry's credentials may go: to the registry, never to a host it names. */
class RegistryTransportTest {

  private final CopyOnWriteArrayList<HttpServer> servers = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(server -> server.stop(0));
  }

  @Test
  void sameOrigin_comparesSchemeHostAndEffectivePort() {
    assertThat(
            RegistryTransport.sameOrigin(
                URI.create("https://reg.lan/v2/x"), URI.create("https://REG.lan:443/y")))
        .isTrue();
    assertThat(
            RegistryTransport.sameOrigin(
                URI.create("https://reg.lan/v2/x"), URI.create("http://reg.lan/v2/x")))
        .isFalse();
    assertThat(
            RegistryTransport.sameOrigin(
                URI.create("http://127.0.0.1:5000/a"), URI.create("http://127.0.0.1:5001/a")))
        .isFalse();
  }

  @Test
  void anUploadLocationOnAnotherHost_getsNoCredentials() throws Exception {
    var seenElsewhere = new CopyOnWriteArrayList<String>();
    HttpServer elsewhere =
        server(
            exchange -> {
              seenElsewhere.add(
                  String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
              exchange.sendResponseHeaders(201, -1);
              exchange.close();
            });
    String otherLocation =
        "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/uploads/abc?_state=1";
    HttpServer registry =
        server(
            exchange -> {
              if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
                exchange.sendResponseHeaders(401, -1);
              } else {
                exchange.getResponseHeaders().add("Location", otherLocation);
                exchange.sendResponseHeaders(202, -1);
              }
              exchange.close();
            });
    String host = "127.0.0.1:" + registry.getAddress().getPort();
    var transport =
        new RegistryTransport(
            new RegistryConnector.Connection(
                new RegistryEndpoint(host, host, true), HttpClient.newHttpClient()),
            "team/app",
            Optional.of(new RegistryCredentials("user", "secret", "")),
            RegistryTransport.PUSH);

    HttpResponse<?> started =
        transport.send(
            "POST", transport.uri("blobs/uploads/"), Map.of(), HttpRequest.BodyPublishers::noBody);
    URI upload = transport.location(started.headers().firstValue("Location").orElseThrow());
    transport.send("PUT", upload, Map.of(), HttpRequest.BodyPublishers::noBody);

    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(seenElsewhere).containsExactly("null");
  }

  @Test
  void aTlsRegistry_mayNotSendUsOnToPlainHttp() {
    var transport =
        new RegistryTransport(
            new RegistryConnector.Connection(
                new RegistryEndpoint("reg.lan", "reg.lan", false), HttpClient.newHttpClient()),
            "team/app",
            Optional.empty(),
            RegistryTransport.PUSH);

    assertThatThrownBy(() -> transport.location("http://cdn.lan/uploads/1"))
        .isInstanceOf(RegistryException.Refused.class)
        .hasMessageContaining("plain HTTP");
    assertThat(transport.location("/v2/team/app/blobs/uploads/1").toString())
        .isEqualTo("https://reg.lan/v2/team/app/blobs/uploads/1");
  }

  private HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", handler);
    server.start();
    servers.add(server);
    return server;
  }
}
