package io.jcompose.engine.event;

import static io.jcompose.engine.http.TestClient.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.http.TestClient;
import io.jcompose.engine.http.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EventsRouterTest {

  private final EventBus bus = new EventBus(Clock.systemUTC(), EventBus.DEFAULT_HISTORY);
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(new EventsRouter(bus));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static String seconds(Instant time) {
    return time.getEpochSecond() + "." + String.format("%09d", time.getNano());
  }

  @Test
  void sinceAndUntilInThePastReplayStoredEventsAndEnd() throws Exception {
    Instant before =
        bus.publish(EngineEvent.Type.VOLUME, "create", "early", Map.of("driver", "local")).time();
    bus.publish(EngineEvent.Type.VOLUME, "create", "data", Map.of("driver", "local"));
    Instant last =
        bus.publish(EngineEvent.Type.VOLUME, "destroy", "data", Map.of("driver", "local")).time();
    bus.publish(EngineEvent.Type.CONTAINER, "create", "c1", Map.of("name", "web"));

    String filters =
        URLEncoder.encode(
            "{\"type\":{\"volume\":true},\"volume\":{\"data\":true}}", StandardCharsets.UTF_8);
    var response =
        TestClient.exchange(
            server.socket,
            get(
                "/v1.44/events?since="
                    + seconds(before)
                    + "&until="
                    + seconds(last)
                    + "&filters="
                    + filters));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyText().lines())
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains("\"Type\":\"volume\"", "\"ID\":\"data\"", "\"scope\":\"local\""));
    assertThat(response.bodyText())
        .contains("\"Action\":\"create\"")
        .contains("\"Action\":\"destroy\"");
  }

  @Test
  void liveEventsStreamUntilTheClientLeaves() throws Exception {
    try (var client = TestClient.connect(server.socket)) {
      client.send(
          get(
              "/events?filters="
                  + URLEncoder.encode("{\"type\":[\"container\"]}", StandardCharsets.UTF_8)));
      var head = client.readHead();
      assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(bus.listenerCount()).isEqualTo(1);

      bus.publish(EngineEvent.Type.VOLUME, "create", "skipped", Map.of());
      bus.publish(
          EngineEvent.Type.CONTAINER, "start", "c1", Map.of("name", "web", "image", "busybox"));

      assertThat(new String(client.readChunk(), StandardCharsets.UTF_8))
          .startsWith(
              "{\"status\":\"start\",\"id\":\"c1\",\"from\":\"busybox\",\"Type\":\"container\"")
          .endsWith("\n");
    }
    while (bus.listenerCount() > 0) {
      Thread.yield(); // the hang-up is noticed on the server's event loop
    }
    assertThat(server.notices).isEmpty();
  }

  @Test
  void badParametersAreRefused() throws Exception {
    assertThat(TestClient.exchange(server.socket, get("/events?since=yesterday")).status())
        .isEqualTo(400);
    assertThat(TestClient.exchange(server.socket, get("/events?since=20&until=10")).bodyText())
        .contains("cannot be after until time");
    assertThat(
            TestClient.exchange(
                    server.socket,
                    get(
                        "/events?filters="
                            + URLEncoder.encode("{\"bogus\":[\"x\"]}", StandardCharsets.UTF_8)))
                .bodyText())
        .isEqualTo("{\"message\":\"Invalid filter 'bogus'\"}\n");
  }
}
