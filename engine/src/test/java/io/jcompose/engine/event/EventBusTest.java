package io.jcompose.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.http.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class EventBusTest {

  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-27T22:42:10Z"));
  private final EventBus bus = new EventBus(clock, 4);

  private EngineEvent publish(
      EngineEvent.Type type, String action, String id, Map<String, String> attributes) {
    clock.advance(Duration.ofSeconds(1));
    return bus.publish(type, action, id, attributes);
  }

  private static List<String> actions(List<EngineEvent> events) {
    return events.stream().map(EngineEvent::action).toList();
  }

  @Test
  void replayReturnsStoredEventsBetweenSinceAndUntilInclusive() {
    publish(EngineEvent.Type.VOLUME, "create", "a", Map.of());
    Instant second = publish(EngineEvent.Type.VOLUME, "mount", "a", Map.of()).time();
    Instant third = publish(EngineEvent.Type.VOLUME, "unmount", "a", Map.of()).time();
    publish(EngineEvent.Type.VOLUME, "destroy", "a", Map.of());

    try (var subscription = bus.subscribe(event -> true, Optional.of(second), Optional.of(third))) {
      assertThat(actions(subscription.replay())).containsExactly("mount", "unmount");
    }
    try (var live = bus.subscribe(event -> true, Optional.empty(), Optional.empty())) {
      assertThat(live.replay()).isEmpty();
    }
  }

  @Test
  void theHistoryKeepsOnlyTheLatestEvents() {
    for (int i = 0; i < 6; i++) {
      publish(EngineEvent.Type.VOLUME, "create", "v" + i, Map.of());
    }

    try (var subscription =
        bus.subscribe(event -> true, Optional.of(Instant.EPOCH), Optional.empty())) {
      assertThat(subscription.replay())
          .extracting(e -> e.actor().id())
          .containsExactly("v2", "v3", "v4", "v5");
    }
  }

  @Test
  void liveEventsArriveAfterTheReplayNoneTwiceAndCloseEndsTheWait() throws Exception {
    publish(EngineEvent.Type.VOLUME, "create", "old", Map.of());
    var subscription = bus.subscribe(event -> true, Optional.of(Instant.EPOCH), Optional.empty());
    publish(EngineEvent.Type.VOLUME, "create", "new", Map.of());

    assertThat(subscription.replay()).extracting(e -> e.actor().id()).containsExactly("old");
    assertThat(subscription.next()).map(e -> e.actor().id()).contains("new");
    assertThat(bus.listenerCount()).isEqualTo(1);

    var waiter =
        new Thread(
            () -> {
              try {
                assertThat(subscription.next()).isEmpty();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiter.start();
    subscription.close();
    waiter.join();
    assertThat(bus.listenerCount()).isZero();
  }

  @Test
  void aListenerTooFarBehindIsDropped() throws Exception {
    var bigBus = new EventBus(clock, 10);
    var subscription = bigBus.subscribe(event -> true, Optional.empty(), Optional.empty());
    for (int i = 0; i <= Subscription.MAX_PENDING; i++) {
      bigBus.publish(EngineEvent.Type.DAEMON, "reload", "d", Map.of());
    }

    assertThat(subscription.next()).isEmpty();
    assertThat(bigBus.listenerCount()).isZero();
  }

  @Test
  void filtersFollowDockerd() {
    var web =
        publish(
            EngineEvent.Type.CONTAINER,
            "start",
            "a52db3e51b6b",
            Map.of(
                "name",
                "demo-web-1",
                "image",
                "local/busybox:1",
                "com.docker.compose.project",
                "demo"));
    var exec =
        publish(
            EngineEvent.Type.CONTAINER,
            "exec_create: sh -c true",
            "a52db3e51b6b",
            Map.of("name", "demo-web-1", "image", "local/busybox:1"));
    var volume = publish(EngineEvent.Type.VOLUME, "create", "demo_data", Map.of("driver", "local"));
    var network =
        publish(
            EngineEvent.Type.NETWORK,
            "connect",
            "732c774a8ea6",
            Map.of("name", "bridge", "container", "a52db3e51b6b"));

    assertThat(matching("{\"type\":[\"volume\"]}")).containsExactly(volume);
    assertThat(matching("{\"container\":[\"demo-web\"]}")).containsExactly(web, exec);
    assertThat(matching("{\"container\":{\"a52db3\":true}}")).containsExactly(web, exec);
    assertThat(matching("{\"event\":[\"exec_create\"]}")).containsExactly(exec);
    assertThat(matching("{\"event\":[\"start\",\"create\"]}")).containsExactly(web, volume);
    assertThat(matching("{\"image\":[\"local/busybox\"]}")).containsExactly(web, exec);
    assertThat(matching("{\"label\":[\"com.docker.compose.project=demo\"]}")).containsExactly(web);
    assertThat(matching("{\"volume\":[\"demo_data\"]}")).containsExactly(volume);
    assertThat(matching("{\"network\":[\"bridge\"]}")).containsExactly(network);
    assertThat(matching("{}")).containsExactly(web, exec, volume, network);
  }

  private List<EngineEvent> matching(String filtersJson) {
    EventFilter filter = EventFilter.of(Filters.parse(filtersJson));
    try (var subscription = bus.subscribe(filter, Optional.of(Instant.EPOCH), Optional.empty())) {
      return subscription.replay();
    }
  }

  @Test
  void theWireFormIsDockerds() throws Exception {
    var container =
        new EngineEvent(
            EngineEvent.Type.CONTAINER,
            "die",
            new EngineEvent.Actor(
                "a52d", Map.of("name", "s", "image", "local/busybox:1", "exitCode", "137")),
            Instant.ofEpochSecond(1795819636, 789088961));
    var volume =
        new EngineEvent(
            EngineEvent.Type.VOLUME,
            "destroy",
            new EngineEvent.Actor("data", Map.of("driver", "local")),
            Instant.ofEpochSecond(1795819636, 5));
    var mapper = io.jcompose.engine.http.WireJson.mapper();

    assertThat(mapper.writeValueAsString(EventMessage.of(container)))
        .isEqualTo(
            "{\"status\":\"die\",\"id\":\"a52d\",\"from\":\"local/busybox:1\",\"Type\":\"container\","
                + "\"Action\":\"die\",\"Actor\":{\"ID\":\"a52d\",\"Attributes\":{\"exitCode\":\"137\","
                + "\"image\":\"local/busybox:1\",\"name\":\"s\"}},\"scope\":\"local\","
                + "\"time\":1795819636,\"timeNano\":1795819636789088961}");
    assertThat(mapper.writeValueAsString(EventMessage.of(volume)))
        .isEqualTo(
            "{\"Type\":\"volume\",\"Action\":\"destroy\",\"Actor\":{\"ID\":\"data\","
                + "\"Attributes\":{\"driver\":\"local\"}},\"scope\":\"local\",\"time\":1795819636,"
                + "\"timeNano\":1795819636000000005}");
  }

  @Test
  void timesAreUnixSecondsWithAFractionOrRfc3339() {
    assertThat(EventTimes.parse("since", Optional.of("1795819632.870292632")))
        .contains(Instant.ofEpochSecond(1795819632, 870292632));
    assertThat(EventTimes.parse("since", Optional.of("1795819632.5")))
        .contains(Instant.ofEpochSecond(1795819632, 500_000_000));
    assertThat(EventTimes.parse("since", Optional.of("0"))).contains(Instant.EPOCH);
    assertThat(EventTimes.parse("until", Optional.of("2026-11-27T22:42:10+01:00")))
        .contains(Instant.parse("2026-11-27T21:42:10Z"));
    assertThat(EventTimes.parse("until", Optional.empty())).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> EventTimes.parse("since", Optional.of("10m")))
        .isInstanceOf(io.jcompose.engine.fault.EngineFault.InvalidArgument.class)
        .hasMessageContaining("\"10m\"");
  }
}
