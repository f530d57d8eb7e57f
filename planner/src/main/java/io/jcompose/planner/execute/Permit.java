package io.jcompose.planner.execute;

import java.util.concurrent.Semaphore;

/**
 * One node's claim on the parallelism cap: held while the node calls the runtime, handed back while
 * a wait sleeps. Used by the node's thread only.
 */
final class Permit {

  private final Semaphore permits;
  private boolean held;

  Permit(Semaphore permits) {
    this.permits = permits;
  }

  void acquire() throws InterruptedException {
    permits.acquire();
    held = true;
  }

  /** Gives the permit back if this node holds it. */
  void release() {
    if (held) {
      held = false;
      permits.release();
    }
  }
}
