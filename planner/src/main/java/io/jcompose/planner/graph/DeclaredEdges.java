package io.jcompose.planner.graph;

import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.Service;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every reference a service makes to other services: depends_on, links ({@code svc} or {@code
 * svc:alias}), {@code service:x} in network_mode, ipc and pid, and volumes_from ({@code svc},
 * {@code svc:ro}; {@code container:name} names no service). The loader already folds the implicit
 * ones into depends_on, but a project built in code has only the declarations.
 */
final class DeclaredEdges {

  private static final String SERVICE_PREFIX = "service:";
  private static final String CONTAINER_PREFIX = "container:";

  private DeclaredEdges() {}

  static List<DeclaredEdge> of(Service service) {
    String name = service.name();
    YamlPath servicePath = YamlPath.of("services", name);
    var edges = new ArrayList<DeclaredEdge>();
    for (Map.Entry<String, Dependency> entry : service.dependsOn().entrySet()) {
      edges.add(
          new DeclaredEdge(
              name,
              entry.getKey(),
              EdgeKind.DEPENDS_ON,
              entry.getValue(),
              servicePath.key("depends_on").key(entry.getKey())));
    }
    List<String> links = strings(service.other().get(EdgeKind.LINK.key()));
    for (int index = 0; index < links.size(); index++) {
      String target = beforeColon(links.get(index));
      edges.add(implicit(name, target, EdgeKind.LINK, servicePath.key("links").index(index)));
    }
    namespace(service.networking().networkMode(), name, EdgeKind.NETWORK_MODE, edges);
    namespace(text(service.other().get(EdgeKind.IPC.key())), name, EdgeKind.IPC, edges);
    namespace(text(service.other().get(EdgeKind.PID.key())), name, EdgeKind.PID, edges);
    List<String> sources = strings(service.other().get(EdgeKind.VOLUMES_FROM.key()));
    for (int index = 0; index < sources.size(); index++) {
      String source = sources.get(index);
      if (!source.startsWith(CONTAINER_PREFIX)) {
        edges.add(
            implicit(
                name,
                beforeColon(source),
                EdgeKind.VOLUMES_FROM,
                servicePath.key("volumes_from").index(index)));
      }
    }
    return edges;
  }

  private static void namespace(
      Optional<String> mode, String name, EdgeKind kind, List<DeclaredEdge> edges) {
    if (mode.isPresent() && mode.get().startsWith(SERVICE_PREFIX)) {
      String target = mode.get().substring(SERVICE_PREFIX.length());
      edges.add(implicit(name, target, kind, YamlPath.of("services", name, kind.key())));
    }
  }

  private static DeclaredEdge implicit(String name, String target, EdgeKind kind, YamlPath path) {
    var dependency =
        new Dependency(Dependency.Condition.SERVICE_STARTED, true, kind.restartsWithDependency());
    return new DeclaredEdge(name, target, kind, dependency, path);
  }

  private static String beforeColon(String reference) {
    int colon = reference.indexOf(':');
    return colon < 0 ? reference : reference.substring(0, colon);
  }

  private static Optional<String> text(Object value) {
    return value instanceof String string ? Optional.of(string) : Optional.empty();
  }

  private static List<String> strings(Object value) {
    var strings = new ArrayList<String>();
    if (value instanceof List<?> items) {
      for (Object item : items) {
        if (item instanceof String string) {
          strings.add(string);
        }
      }
    }
    return strings;
  }
}
