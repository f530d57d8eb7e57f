package io.jcompose.engine.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The engine's one stream of {@link EngineEvent}s, feeding {@code /events}. Subsystems publish;
 * listeners subscribe with a filter and may first replay what happened since a time, from a bounded
 * history of the latest events (dockerd keeps such a history too, so {@code docker events --since}
 * only reaches back so far).
 */
public final class EventBus {

  /** How many past events are kept for replay. */
  public static final int DEFAULT_HISTORY = 1024;

  private final Clock clock;
  private final int historySize;
  private final ArrayDeque<EngineEvent> history = new ArrayDeque<>();
  private final List<Subscription> subscriptions = new ArrayList<>();

  public EventBus(Clock clock, int historySize) {
    if (historySize < 1) {
      throw new IllegalArgumentException("the event history must hold at least one event");
    }
    this.clock = clock;
    this.historySize = historySize;
  }

  public Clock clock() {
    return clock;
  }

  /** Publishes an event stamped with the bus's clock. */
  public EngineEvent publish(
      EngineEvent.Type type, String action, String actorId, Map<String, String> attributes) {
    var event =
        new EngineEvent(type, action, new EngineEvent.Actor(actorId, attributes), clock.instant());
    publish(event);
    return event;
  }

  public synchronized void publish(EngineEvent event) {
    history.addLast(event);
    while (history.size() > historySize) {
      history.removeFirst();
    }
    for (Subscription subscription : List.copyOf(subscriptions)) {
      subscription.deliver(event);
    }
  }

  /**
   * Starts listening. With {@code since} or {@code until}, the stored events between them (both
   * inclusive) that pass {@code filter} are replayed first; every later event that passes is
   * delivered live, none twice and none missed.
   */
  public synchronized Subscription subscribe(
      Predicate<EngineEvent> filter, Optional<Instant> since, Optional<Instant> until) {
    var replay = new ArrayList<EngineEvent>();
    if (since.isPresent() || until.isPresent()) {
      for (EngineEvent event : history) {
        boolean afterSince = since.isEmpty() || !event.time().isBefore(since.get());
        boolean beforeUntil = until.isEmpty() || !event.time().isAfter(until.get());
        if (afterSince && beforeUntil && filter.test(event)) {
          replay.add(event);
        }
      }
    }
    var subscription = new Subscription(this, filter, replay);
    subscriptions.add(subscription);
    return subscription;
  }

  /** How many listeners are subscribed ({@code NEventsListener} in {@code /info}). */
  public synchronized int listenerCount() {
    return subscriptions.size();
  }

  synchronized void remove(Subscription subscription) {
    subscriptions.remove(subscription);
  }
}
