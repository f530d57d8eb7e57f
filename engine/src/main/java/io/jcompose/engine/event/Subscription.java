package io.jcompose.engine.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One listener on the {@link EventBus}: the stored events it asked to replay, then live events as
 * they are published. A listener that falls too far behind is dropped (its {@link #next} ends), so
 * a stuck client cannot make the engine hold events without bound.
 */
public final class Subscription implements AutoCloseable {

  static final int MAX_PENDING = 10_000;

  private final EventBus bus;
  private final Predicate<EngineEvent> filter;
  private final List<EngineEvent> replay;
  private final ArrayDeque<EngineEvent> pending = new ArrayDeque<>();
  private boolean closed;

  Subscription(EventBus bus, Predicate<EngineEvent> filter, List<EngineEvent> replay) {
    this.bus = bus;
    this.filter = filter;
    this.replay = List.copyOf(replay);
  }

  /** The stored events that matched when the subscription began, oldest first. */
  public List<EngineEvent> replay() {
    return replay;
  }

  /** Publisher side, under the bus's lock. */
  synchronized void deliver(EngineEvent event) {
    if (closed || !filter.test(event)) {
      return;
    }
    if (pending.size() >= MAX_PENDING) {
      closed = true;
      pending.clear();
      bus.remove(this);
    } else {
      pending.add(event);
    }
    notifyAll();
  }

  /**
   * The next live event, waiting for one; empty once the subscription is closed.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public synchronized Optional<EngineEvent> next() throws InterruptedException {
    while (pending.isEmpty() && !closed) {
      wait();
    }
    return Optional.ofNullable(pending.poll());
  }

  /** As {@link #next()}, but empty when {@code deadline} (read on {@code clock}) passes first. */
  public synchronized Optional<EngineEvent> next(Instant deadline, Clock clock)
      throws InterruptedException {
    while (pending.isEmpty() && !closed) {
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return Optional.empty();
      }
      wait(Math.max(1, left.toMillis()));
    }
    return Optional.ofNullable(pending.poll());
  }

  /** Stops delivery and wakes a waiting {@link #next}; safe to call from any thread, repeatedly. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      pending.clear();
      notifyAll();
    }
    bus.remove(this);
  }
}
