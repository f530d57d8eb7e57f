package io.jcompose.planner.execute;

import io.jcompose.planner.plan.PlanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A plan stopped because operations failed. Lists every failure in the order they happened; the
 * message joins their messages, each naming what failed ({@code container demo-db-1: start failed:
 * port is already allocated}), and the first failure's exception is the cause.
 */
public final class PlanFailedException extends RuntimeException {

  private final List<Failure> failures;

  PlanFailedException(List<Failure> failures, Throwable firstCause) {
    super(message(failures), firstCause);
    this.failures = List.copyOf(failures);
  }

  private static String message(List<Failure> failures) {
    if (failures.isEmpty()) {
      throw new IllegalArgumentException("a failed plan has at least one failure");
    }
    var messages = new ArrayList<String>(failures.size());
    for (Failure failure : failures) {
      messages.add(failure.message());
    }
    return String.join("; ", messages);
  }

  public List<Failure> failures() {
    return failures;
  }

  /** One failed node and what went wrong, naming the thing that failed. */
  public record Failure(PlanNode node, String message) {
    public Failure {
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(message, "message");
    }
  }
}
