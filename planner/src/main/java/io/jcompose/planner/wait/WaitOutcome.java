package io.jcompose.planner.wait;

import java.util.Objects;

/** How a dependency wait ended when it did not fail. */
public sealed interface WaitOutcome {

  /** The dependency met its condition. */
  record Satisfied() implements WaitOutcome {}

  /** There was nothing to wait for: the dependency has no containers (scaled to 0). */
  record NothingToWaitFor(String reason) implements WaitOutcome {
    public NothingToWaitFor {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * An optional ({@code required: false}) dependency failed or is missing; the dependent starts
   * anyway and the user should be told.
   */
  record Warning(String message) implements WaitOutcome {
    public Warning {
      Objects.requireNonNull(message, "message");
    }
  }
}
