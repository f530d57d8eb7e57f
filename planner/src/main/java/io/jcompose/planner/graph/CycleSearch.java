package io.jcompose.planner.graph;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A depth-first search for one dependency cycle: services in project order, each one's dependencies
 * by name, so the same project always reports the same cycle.
 */
final class CycleSearch {

  private enum Mark {
    VISITING,
    DONE
  }

  private final List<String> serviceNames;
  private final Map<String, SortedMap<String, DeclaredEdge>> edges;
  private final Map<String, Mark> marks = new HashMap<>();
  private final List<String> stack = new ArrayList<>();

  private CycleSearch(
      List<String> serviceNames, Map<String, SortedMap<String, DeclaredEdge>> edges) {
    this.serviceNames = serviceNames;
    this.edges = edges;
  }

  /**
   * @param edges per service, its edges to services of the project by dependency name
   * @throws DependencyCycleException for the first cycle found
   */
  static void check(List<String> serviceNames, Map<String, SortedMap<String, DeclaredEdge>> edges) {
    var search = new CycleSearch(serviceNames, edges);
    for (String name : serviceNames) {
      Optional<List<String>> cycle = search.visit(name);
      if (cycle.isPresent()) {
        throw search.failure(cycle.get());
      }
    }
  }

  private Optional<List<String>> visit(String name) {
    if (marks.get(name) == Mark.DONE) {
      return Optional.empty();
    }
    marks.put(name, Mark.VISITING);
    stack.add(name);
    for (String dependency : edges.get(name).keySet()) {
      if (marks.get(dependency) == Mark.VISITING) {
        return Optional.of(new ArrayList<>(stack.subList(stack.indexOf(dependency), stack.size())));
      }
      Optional<List<String>> cycle = visit(dependency);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    stack.remove(stack.size() - 1);
    marks.put(name, Mark.DONE);
    return Optional.empty();
  }

  /** The cycle rotated to start at the service that comes first in the project. */
  private DependencyCycleException failure(List<String> found) {
    int first = 0;
    for (int index = 1; index < found.size(); index++) {
      if (serviceNames.indexOf(found.get(index)) < serviceNames.indexOf(found.get(first))) {
        first = index;
      }
    }
    var cycle = new ArrayList<String>(found.size());
    cycle.addAll(found.subList(first, found.size()));
    cycle.addAll(found.subList(0, first));
    var names = new ArrayList<>(cycle);
    names.add(cycle.get(0));
    String message = "dependency cycle: " + String.join(" -> ", names);
    DeclaredEdge closing = edges.get(cycle.get(cycle.size() - 1)).get(cycle.get(0));
    String hint =
        cycle.size() == 1
            ? "a service cannot depend on itself"
            : "remove one of the references on the cycle (depends_on, links, volumes_from,"
                + " network_mode, ipc or pid)";
    var diagnostic = Diagnostic.error(Position.UNKNOWN, closing.path(), message, hint);
    return new DependencyCycleException(cycle, diagnostic);
  }
}
