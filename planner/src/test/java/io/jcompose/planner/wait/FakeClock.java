package io.jcompose.planner.wait;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told, and a sleeper that moves it instead of sleeping: tests of
 * waits and timeouts run in no time. Thread-safe.
 */
public final class FakeClock extends Clock {

  private final AtomicReference<Instant> now;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public FakeClock() {
    this(Instant.parse("2025-01-01T00:00:00Z"));
  }

  public FakeClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public void advance(Duration duration) {
    now.getAndUpdate(instant -> instant.plus(duration));
  }

  /** A sleeper that advances this clock by each duration and records it. */
  public Sleeper sleeper() {
    return duration -> {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted before sleeping");
      }
      sleeps.add(duration);
      advance(duration);
    };
  }

  /** Every duration the sleeper was asked to sleep, in order. */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a fake clock has one zone");
  }
}
