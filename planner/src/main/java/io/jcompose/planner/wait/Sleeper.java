package io.jcompose.planner.wait;

import java.time.Duration;

/**
 * Waits for a while. Injected wherever the planner pauses (polling a dependency's health), so tests
 * advance a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps on the calling thread. */
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  /**
   * @throws InterruptedException when the thread is interrupted while it sleeps
   */
  void sleep(Duration duration) throws InterruptedException;
}
