package io.jcompose.engine.build;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.logs.LogFollower;

/**
 * A build's client hanging up: the output follow of the RUN running then ends at once (its step
 * then removes the container, killing it), and the build stops at its next check.
 */
final class BuildCancellation {

  private volatile boolean cancelled;
  private volatile LogFollower following;

  /** Called once the client is gone (on a network thread: it only signals). */
  void cancel() {
    cancelled = true;
    LogFollower current = following;
    if (current != null) {
      current.close();
    }
  }

  /** Records the output follow of the RUN running now (null once it ended). */
  void following(LogFollower follower) {
    following = follower;
    if (follower != null && cancelled) {
      follower.close();
    }
  }

  /**
   * @throws EngineFault.Unavailable once the client has gone
   */
  void check() {
    if (cancelled) {
      throw new EngineFault.Unavailable("the build was cancelled: the client went away", null);
    }
  }
}
