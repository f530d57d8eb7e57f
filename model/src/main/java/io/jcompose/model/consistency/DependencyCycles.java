package io.jcompose.model.consistency;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds depends_on cycles (implicit dependencies from links and {@code service:} namespaces are in
 * depends_on after normalisation). Each cycle is reported once, naming every service on it, at the
 * depends_on entry that closes it.
 */
final class DependencyCycles {

  private enum Mark {
    VISITING,
    DONE
  }

  private final MapNode services;
  private final Diagnostics diagnostics;
  private final Map<String, Mark> marks = new HashMap<>();
  private final List<String> stack = new ArrayList<>();

  private DependencyCycles(MapNode services, Diagnostics diagnostics) {
    this.services = services;
    this.diagnostics = diagnostics;
  }

  static void report(MapNode services, Diagnostics diagnostics) {
    var search = new DependencyCycles(services, diagnostics);
    for (String name : services.entries().keySet()) {
      search.visit(name);
    }
  }

  private void visit(String name) {
    if (marks.get(name) == Mark.DONE || !(services.get(name) instanceof MapNode service)) {
      return;
    }
    marks.put(name, Mark.VISITING);
    stack.add(name);
    if (service.get("depends_on") instanceof MapNode dependsOn) {
      for (String target : dependsOn.entries().keySet()) {
        if (marks.get(target) == Mark.VISITING) {
          reportCycle(name, dependsOn, target);
        } else {
          visit(target);
        }
      }
    }
    stack.remove(stack.size() - 1);
    marks.put(name, Mark.DONE);
  }

  private void reportCycle(String from, MapNode dependsOn, String target) {
    var cycle = new ArrayList<>(stack.subList(stack.indexOf(target), stack.size()));
    cycle.add(target);
    diagnostics.error(
        dependsOn.keyPosition(target),
        YamlPath.of("services", from, "depends_on", target),
        "dependency cycle detected: " + String.join(" -> ", cycle),
        cycle.size() == 2
            ? "a service cannot depend on itself"
            : "remove one of the depends_on entries on the cycle");
  }
}
