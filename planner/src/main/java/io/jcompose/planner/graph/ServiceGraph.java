package io.jcompose.planner.graph;

import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * Which service depends on which, from depends_on, links, {@code service:x} in network_mode, ipc
 * and pid, and volumes_from. Immutable; every answer is deterministic, ties broken by service name.
 *
 * <p>References to services that are not in the project (disabled by profiles, or missing) are not
 * edges; {@link #missingDependencies} lists them so the caller can report or skip them.
 */
public final class ServiceGraph {

  private final List<String> serviceNames;
  private final Map<String, SortedMap<String, Dependency>> dependsOn;
  private final Map<String, SortedMap<String, Dependency>> missing;
  private final Map<String, Set<String>> dependents;
  private final Map<String, Set<String>> namespaceParents;
  private final List<String> startOrder;
  private final List<String> stopOrder;

  private ServiceGraph(
      List<String> serviceNames,
      Map<String, SortedMap<String, Dependency>> dependsOn,
      Map<String, SortedMap<String, Dependency>> missing,
      Map<String, Set<String>> dependents,
      Map<String, Set<String>> namespaceParents,
      List<String> startOrder,
      List<String> stopOrder) {
    this.serviceNames = serviceNames;
    this.dependsOn = dependsOn;
    this.missing = missing;
    this.dependents = dependents;
    this.namespaceParents = namespaceParents;
    this.startOrder = startOrder;
    this.stopOrder = stopOrder;
  }

  /**
   * The graph of the project's enabled services.
   *
   * @throws DependencyCycleException naming every service on the first cycle found
   */
  public static ServiceGraph of(Project project) {
    List<String> serviceNames = List.copyOf(project.services().keySet());
    var edges = new HashMap<String, SortedMap<String, DeclaredEdge>>();
    var missing = new HashMap<String, SortedMap<String, Dependency>>();
    var namespaceParents = new HashMap<String, Set<String>>();
    for (Service service : project.services().values()) {
      var present = new TreeMap<String, DeclaredEdge>();
      var absent = new TreeMap<String, Dependency>();
      var parents = new TreeSet<String>();
      for (DeclaredEdge edge : DeclaredEdges.of(service)) {
        String target = edge.dependencyName();
        if (project.services().containsKey(target)) {
          // depends_on comes first, so its explicit entry wins over an implicit one
          present.putIfAbsent(target, edge);
          if (edge.kind().sharesNamespace()) {
            parents.add(target);
          }
        } else {
          absent.putIfAbsent(target, edge.dependency());
        }
      }
      edges.put(service.name(), present);
      missing.put(service.name(), Collections.unmodifiableSortedMap(absent));
      namespaceParents.put(service.name(), Collections.unmodifiableSet(parents));
    }
    CycleSearch.check(serviceNames, edges);

    Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    serviceNames.forEach(graph::addVertex);
    var dependsOn = new HashMap<String, SortedMap<String, Dependency>>();
    for (String name : serviceNames) {
      var conditions = new TreeMap<String, Dependency>();
      for (DeclaredEdge edge : edges.get(name).values()) {
        graph.addEdge(name, edge.dependencyName());
        conditions.put(edge.dependencyName(), edge.dependency());
      }
      dependsOn.put(name, Collections.unmodifiableSortedMap(conditions));
    }
    var dependents = new HashMap<String, Set<String>>();
    for (String name : serviceNames) {
      var names = new TreeSet<String>();
      for (DefaultEdge edge : graph.incomingEdgesOf(name)) {
        names.add(graph.getEdgeSource(edge));
      }
      dependents.put(name, Collections.unmodifiableSet(names));
    }
    return new ServiceGraph(
        serviceNames,
        dependsOn,
        missing,
        dependents,
        namespaceParents,
        topologicalOrder(new EdgeReversedGraph<>(graph)),
        topologicalOrder(graph));
  }

  private static List<String> topologicalOrder(Graph<String, DefaultEdge> graph) {
    var order = new ArrayList<String>(graph.vertexSet().size());
    new TopologicalOrderIterator<>(graph, Comparator.<String>naturalOrder())
        .forEachRemaining(order::add);
    return List.copyOf(order);
  }

  /** The services in project order. */
  public List<String> services() {
    return serviceNames;
  }

  /** Every service, each after all its dependencies; among the ready ones, by name. */
  public List<String> startOrder() {
    return startOrder;
  }

  /** Every service, each after all its dependents; among the ready ones, by name. */
  public List<String> stopOrder() {
    return stopOrder;
  }

  /** The services {@code serviceName} depends on directly, by name. */
  public Set<String> dependencies(String serviceName) {
    return dependsOn(serviceName).keySet();
  }

  /** The services that depend directly on {@code serviceName}, by name. */
  public Set<String> dependents(String serviceName) {
    return dependents.get(known(serviceName));
  }

  /**
   * The effective depends_on of a service, by dependency name: declared entries as declared, the
   * implicit ones (links, namespaces, volumes_from) as {@code service_started} and required, with
   * {@code restart} as the loader sets it (true for links and namespaces). Only services of the
   * project; see {@link #missingDependencies}.
   */
  public Map<String, Dependency> dependsOn(String serviceName) {
    return dependsOn.get(known(serviceName));
  }

  /**
   * The references of a service to services that are not in the project (disabled by profiles, or
   * not defined), by name, with their depends_on entry; {@code required} tells whether that is an
   * error or a dependency to skip.
   */
  public Map<String, Dependency> missingDependencies(String serviceName) {
    return missing.get(known(serviceName));
  }

  /**
   * The services whose network, IPC or PID namespace or volumes {@code serviceName} uses
   * (network_mode, ipc, pid {@code service:x}, volumes_from), by name.
   */
  public Set<String> namespaceParents(String serviceName) {
    return namespaceParents.get(known(serviceName));
  }

  /** The services and everything they depend on, transitively, in start order. */
  public Set<String> withDependencies(Collection<String> serviceNames) {
    return closure(serviceNames, this::dependencies, startOrder);
  }

  /** The services and everything that depends on them, transitively, in stop order. */
  public Set<String> withDependents(Collection<String> serviceNames) {
    return closure(serviceNames, this::dependents, stopOrder);
  }

  /**
   * The services in layers: the first holds the services without dependencies, each next one the
   * services whose dependencies are all in earlier layers. Each layer is sorted by name.
   */
  public List<Set<String>> layers() {
    var depth = new HashMap<String, Integer>();
    var layers = new ArrayList<Set<String>>();
    for (String name : startOrder) {
      int layer = 0;
      for (String dependency : dependencies(name)) {
        layer = Math.max(layer, depth.get(dependency) + 1);
      }
      depth.put(name, layer);
      if (layer == layers.size()) {
        layers.add(new TreeSet<>());
      }
      layers.get(layer).add(name);
    }
    var unmodifiable = new ArrayList<Set<String>>(layers.size());
    for (Set<String> layer : layers) {
      unmodifiable.add(Collections.unmodifiableSet(layer));
    }
    return List.copyOf(unmodifiable);
  }

  private Set<String> closure(
      Collection<String> roots, Function<String, Set<String>> neighbours, List<String> orderedBy) {
    var reached = new LinkedHashSet<String>();
    var pending = new ArrayDeque<String>();
    for (String root : roots) {
      pending.add(known(root));
    }
    while (!pending.isEmpty()) {
      String name = pending.remove();
      if (reached.add(name)) {
        pending.addAll(neighbours.apply(name));
      }
    }
    var ordered = new LinkedHashSet<String>();
    for (String name : orderedBy) {
      if (reached.contains(name)) {
        ordered.add(name);
      }
    }
    return Collections.unmodifiableSet(ordered);
  }

  private String known(String serviceName) {
    if (!dependsOn.containsKey(serviceName)) {
      throw new IllegalArgumentException(
          "no service \"" + serviceName + "\" in the graph; services: " + serviceNames);
    }
    return serviceName;
  }

  /** The graph as text, one service per line in start order with its dependencies. */
  @Override
  public String toString() {
    var text = new LinkedHashMap<String, Set<String>>();
    for (String name : startOrder) {
      text.put(name, dependencies(name));
    }
    return "ServiceGraph" + text;
  }
}
