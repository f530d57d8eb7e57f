package io.jcompose.planner.wait;

import java.util.Objects;

/** What one poll concluded about a service. */
sealed interface Verdict {

  /** The service meets the condition. */
  record Ready() implements Verdict {}

  /** Not yet; {@code state} describes the containers that are not there yet. */
  record Pending(String state) implements Verdict {
    public Pending {
      Objects.requireNonNull(state, "state");
    }
  }

  /** It never will; {@code message} names the service and why. */
  record Failed(String message) implements Verdict {
    public Failed {
      Objects.requireNonNull(message, "message");
    }
  }
}
