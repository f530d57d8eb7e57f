package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Services reach each other by name on the project network; published ports reach the host. */
@Timeout(120)
class NetworkingScenarioTest {

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void up_servicesReachEachOtherByServiceName(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              web:
                image: ${IMAGE}
                command: ["sh", "-c", "mkdir -p /www; echo web-says-hi > /www/index.html; trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"]
              api:
                image: ${IMAGE}
                command: ["sh", "-c", "mkdir -p /www; echo api-says-hi > /www/index.html; trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"]
              client:
                image: ${IMAGE}
                depends_on: [web, api]
                command: ["sh", "-c", "for host in web api; do n=0; until wget -qO- http://$$host/; do n=$$((n+1)); [ $$n -gt 50 ] && exit 1; sleep 0.2; done; done"]
            """)) {
      stack.jcomposeOk("up", "-d");

      Map<String, Object> client = stack.awaitState(stack.containerName("client", 1), "exited");
      assertThat(client.get("ExitCode")).as("client's exit code").isEqualTo(0L);
      String logs = stack.jcomposeOk("logs", "--no-color", "client").out();
      assertThat(logs).contains("web-says-hi").contains("api-says-hi");
      assertThat(stack.psEntry(stack.containerName("web", 1)).get("State")).isEqualTo("running");
      assertThat(stack.psEntry(stack.containerName("api", 1)).get("State")).isEqualTo("running");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void up_publishedPortIsReachableFromTheHost(Target target) throws Exception {
    int port = freePort();
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              web:
                image: ${IMAGE}
                command: ["sh", "-c", "mkdir -p /www; echo served-through-PORT > /www/index.html; trap 'exit 0' TERM; httpd -f -p 80 -h /www & wait"]
                ports:
                  - "127.0.0.1:PORT:80"
            """
                .replace("PORT", Integer.toString(port)))) {
      stack.jcomposeOk("up", "-d");

      var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      var request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
              .timeout(Duration.ofSeconds(2))
              .build();
      String body =
          Await.until(
              "http://127.0.0.1:" + port + "/ to answer",
              Duration.ofSeconds(30),
              () -> get(http, request),
              answer -> answer.contains("served-through-"));
      assertThat(body.trim()).isEqualTo("200 served-through-" + port);
      assertThat(stack.psEntry(stack.containerName("web", 1)).get("Ports").toString())
          .contains("127.0.0.1:" + port + "->80/tcp");
    }
  }

  private static String get(HttpClient http, HttpRequest request) throws InterruptedException {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() + " " + response.body();
    } catch (java.io.IOException notYet) {
      return notYet.toString();
    }
  }

  private static int freePort() throws java.io.IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
