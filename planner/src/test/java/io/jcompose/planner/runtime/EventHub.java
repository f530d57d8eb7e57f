package io.jcompose.planner.runtime;

import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.RuntimeEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory runtime's event stream: each event carries the object's labels plus the event's own
 * attributes ({@code name}, {@code exitCode} ...) and goes to every subscriber whose label filter
 * matches those attributes, as dockerd filters events. Guarded by the runtime's lock.
 */
final class EventHub {

  private record Subscriber(LabelFilter filter, Feed<RuntimeEvent> feed) {}

  private final Clock clock;
  private final List<Subscriber> subscribers = new ArrayList<>();

  EventHub(Clock clock) {
    this.clock = clock;
  }

  void subscribe(LabelFilter filter, Feed<RuntimeEvent> feed) {
    subscribers.add(new Subscriber(filter, feed));
  }

  /**
   * @param extras the event's own attributes; they win over labels of the same key
   */
  void emit(
      String type,
      String action,
      String actorId,
      Map<String, String> labels,
      Map<String, String> extras) {
    var attributes = new HashMap<>(labels);
    attributes.putAll(extras);
    var event = new RuntimeEvent(type, action, actorId, attributes, clock.instant());
    subscribers.removeIf(subscriber -> subscriber.feed().isOver());
    for (Subscriber subscriber : subscribers) {
      if (subscriber.filter().matches(attributes)) {
        subscriber.feed().offer(event);
      }
    }
  }
}
