package io.jcompose.planner.plan;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One operation of a plan with the reason it is there and the nodes that must finish first.
 *
 * @param id the node's number, from 1, in plan order
 * @param cause why the operation is needed, in words a user reads: {@code environment changed}
 * @param dependsOn ids of earlier nodes, sorted
 */
public record PlanNode(int id, Operation operation, String cause, Set<Integer> dependsOn) {

  public PlanNode {
    if (id < 1) {
      throw new IllegalArgumentException("plan node ids start at 1: " + id);
    }
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(cause, "cause");
    dependsOn = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(dependsOn));
    for (int dependency : dependsOn) {
      if (dependency >= id || dependency < 1) {
        throw new IllegalArgumentException(
            "node #" + id + " can only depend on earlier nodes, not #" + dependency);
      }
    }
  }
}
