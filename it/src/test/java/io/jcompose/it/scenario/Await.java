package io.jcompose.it.scenario;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls what the endpoint reports until it says what a scenario waits for. */
final class Await {

  private static final Duration POLL = Duration.ofMillis(100);

  private Await() {}

  /**
   * Returns the first value of {@code probe} that {@code condition} accepts, polling every 100 ms;
   * fails after {@code timeout} with {@code what} and the last value seen.
   */
  static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<T> condition)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    T value = probe.call();
    while (!condition.test(value)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after "
                + timeout.toSeconds()
                + "s waiting for "
                + what
                + "; last seen:\n"
                + value);
      }
      Thread.sleep(POLL.toMillis());
      value = probe.call();
    }
    return value;
  }
}
