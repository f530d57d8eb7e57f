package io.jcompose.planner.reconcile;

import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.PlanText;
import java.util.List;
import java.util.Objects;

/**
 * A plan and what the user should be told about it (orphans left in place, optional dependencies
 * that are not there).
 */
public record Reconciliation(Plan plan, List<String> warnings) {

  public Reconciliation {
    Objects.requireNonNull(plan, "plan");
    warnings = List.copyOf(warnings);
  }

  /** The warnings, each as a {@code warning:} line, then the plan's text. */
  public String text() {
    var text = new StringBuilder();
    warnings.forEach(warning -> text.append("warning: ").append(warning).append('\n'));
    return text.append(PlanText.render(plan)).toString();
  }
}
