package io.jcompose.planner.event;

import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.spi.ImageProgress;
import java.time.Duration;
import java.util.Objects;

/**
 * What the planner reports while it works. Libraries never print; the CLI renders these (a live
 * line per resource on a terminal, one line per event otherwise, JSON for machines).
 */
public sealed interface ProgressEvent {

  /** A plan node began. */
  record Started(PlanNode node) implements ProgressEvent {
    public Started {
      Objects.requireNonNull(node, "node");
    }
  }

  /** A plan node finished. */
  record Finished(PlanNode node, Duration elapsed) implements ProgressEvent {
    public Finished {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(elapsed, "elapsed");
    }
  }

  /** A plan node failed; {@code message} names what failed and why. */
  record Failed(PlanNode node, String message) implements ProgressEvent {
    public Failed {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(message, "message");
    }
  }

  /** A plan node was not run: an earlier failure stopped scheduling, or its input failed. */
  record Skipped(PlanNode node, String reason) implements ProgressEvent {
    public Skipped {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A wait is still waiting: {@code db is starting (health: starting)}. */
  record Waiting(PlanNode node, String state) implements ProgressEvent {
    public Waiting {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(state, "state");
    }
  }

  /** {@code up --wait} found a service not ready yet: {@code state} says how it is. */
  record ServiceWaiting(String serviceName, String state) implements ProgressEvent {
    public ServiceWaiting {
      Objects.requireNonNull(serviceName, "serviceName");
      Objects.requireNonNull(state, "state");
    }
  }

  /** {@code up --wait} found a service it reported as {@link ServiceWaiting} ready now. */
  record ServiceReady(String serviceName) implements ProgressEvent {
    public ServiceReady {
      Objects.requireNonNull(serviceName, "serviceName");
    }
  }

  /** Progress of a pull, push or build node. */
  record Image(PlanNode node, ImageProgress progress) implements ProgressEvent {
    public Image {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(progress, "progress");
    }
  }

  /** Something the user should know that does not stop the work. */
  record Warning(String message) implements ProgressEvent {
    public Warning {
      Objects.requireNonNull(message, "message");
    }
  }
}
