package io.jcompose.planner.plan;

import java.util.StringJoiner;

/**
 * The plan as stable text, one line per node, which {@code up --dry-run} prints and golden tests
 * pin:
 *
 * <pre>
 * #3 container demo-web-1: create (no existing container) after #1, #2
 * </pre>
 *
 * An empty plan prints as one line saying there is nothing to do.
 */
public final class PlanText {

  private PlanText() {}

  public static String render(Plan plan) {
    if (plan.isEmpty()) {
      return "nothing to do: everything is up to date\n";
    }
    var text = new StringBuilder();
    for (PlanNode node : plan.nodes()) {
      text.append(line(node)).append('\n');
    }
    return text.toString();
  }

  public static String line(PlanNode node) {
    var line = new StringBuilder();
    line.append('#')
        .append(node.id())
        .append(' ')
        .append(node.operation().resource())
        .append(": ")
        .append(node.operation().action());
    if (!node.cause().isEmpty()) {
      line.append(" (").append(node.cause()).append(')');
    }
    if (!node.dependsOn().isEmpty()) {
      var after = new StringJoiner(", #", " after #", "");
      node.dependsOn().forEach(id -> after.add(Integer.toString(id)));
      line.append(after);
    }
    return line.toString();
  }
}
