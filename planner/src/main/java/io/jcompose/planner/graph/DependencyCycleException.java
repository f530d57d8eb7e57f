package io.jcompose.planner.graph;

import io.jcompose.schema.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * The services depend on each other in a circle. The message and the diagnostic name every service
 * on the cycle in order, back to the first: {@code dependency cycle: web -> api -> db -> web}.
 */
public final class DependencyCycleException extends RuntimeException {

  private final List<String> cycle;
  private final transient Diagnostic diagnostic;

  DependencyCycleException(List<String> cycle, Diagnostic diagnostic) {
    super(Objects.requireNonNull(diagnostic, "diagnostic").message());
    this.cycle = List.copyOf(cycle);
    this.diagnostic = diagnostic;
  }

  /**
   * The services on the cycle, each depending on the next and the last on the first; it starts at
   * the one that comes first in the project.
   */
  public List<String> cycle() {
    return cycle;
  }

  /** The cycle as a located error at the reference that closes it (the file may be unknown). */
  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
