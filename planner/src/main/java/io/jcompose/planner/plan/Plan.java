package io.jcompose.planner.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An immutable DAG of operations. Nodes are in a topological order by construction: a node only
 * depends on nodes added before it.
 */
public record Plan(List<PlanNode> nodes) {

  public Plan {
    nodes = List.copyOf(nodes);
    for (int index = 0; index < nodes.size(); index++) {
      if (nodes.get(index).id() != index + 1) {
        throw new IllegalArgumentException(
            "plan nodes must be numbered 1..n in order; found #" + nodes.get(index).id());
      }
    }
  }

  public static Plan empty() {
    return new Plan(List.of());
  }

  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  public int size() {
    return nodes.size();
  }

  public PlanNode node(int id) {
    return nodes.get(id - 1);
  }

  /** The operations of a kind, in plan order. */
  public <T extends Operation> List<T> operations(Class<T> kind) {
    var found = new ArrayList<T>();
    for (PlanNode node : nodes) {
      if (kind.isInstance(node.operation())) {
        found.add(kind.cast(node.operation()));
      }
    }
    return found;
  }

  public List<PlanNode> nodesWhere(Predicate<PlanNode> test) {
    var found = new ArrayList<PlanNode>();
    for (PlanNode node : nodes) {
      if (test.test(node)) {
        found.add(node);
      }
    }
    return found;
  }

  /** This plan followed by {@code next}, whose nodes come after (and depend on) none of ours. */
  public Plan then(Plan next) {
    var builder = new Builder();
    for (PlanNode node : nodes) {
      builder.add(node.operation(), node.cause(), node.dependsOn());
    }
    int offset = nodes.size();
    for (PlanNode node : next.nodes) {
      var shifted = new TreeSet<Integer>();
      node.dependsOn().forEach(id -> shifted.add(id + offset));
      builder.add(node.operation(), node.cause(), shifted);
    }
    return builder.build();
  }

  /** Collects nodes in order; each {@code add} returns the new node's id. */
  public static final class Builder {
    private final List<PlanNode> nodes = new ArrayList<>();

    public int add(Operation operation, String cause, Collection<Integer> dependsOn) {
      int id = nodes.size() + 1;
      nodes.add(new PlanNode(id, operation, cause, Set.copyOf(dependsOn)));
      return id;
    }

    public int add(Operation operation, String cause, Integer... dependsOn) {
      return add(operation, cause, List.of(dependsOn));
    }

    public int size() {
      return nodes.size();
    }

    public Plan build() {
      return new Plan(nodes);
    }
  }
}
