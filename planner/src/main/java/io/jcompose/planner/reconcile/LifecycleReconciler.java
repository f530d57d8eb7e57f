package io.jcompose.planner.reconcile;

import io.jcompose.model.project.Project;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedContainer;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.RemoveContainer;
import io.jcompose.planner.plan.StartContainer;
import io.jcompose.planner.plan.StopContainer;
import io.jcompose.planner.spi.ContainerStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code start}, {@code stop}, {@code restart} and {@code rm} on the containers that exist: no
 * creation, no configuration applied. Stops run dependents first, starts dependencies first; the
 * services of a project known only by name (no compose file) are not in its graph, so they are
 * independent.
 */
final class LifecycleReconciler {

  private final Project project;
  private final ServiceGraph graph;
  private final ObservedState observed;
  private final Set<String> services;

  LifecycleReconciler(
      Project project, ServiceGraph graph, ObservedState observed, Set<String> services) {
    this.project = project;
    this.graph = graph;
    this.observed = observed;
    this.services = services;
  }

  Plan stop(Optional<Duration> timeout) {
    var plan = new Plan.Builder();
    addStops(plan, timeout, "stop");
    return plan.build();
  }

  Plan start() {
    var plan = new Plan.Builder();
    addStarts(plan, Map.of(), "start");
    return plan.build();
  }

  /** Every targeted container stops (dependents first), then starts again (dependencies first). */
  Plan restart(Optional<Duration> timeout) {
    var plan = new Plan.Builder();
    Map<String, List<Integer>> stops = addStops(plan, timeout, "restart");
    addStarts(plan, stops, "restart");
    return plan.build();
  }

  /**
   * Removes the targeted containers that are stopped; with {@code stopFirst} running ones are
   * stopped and removed too, else they are left alone.
   */
  Plan remove(boolean stopFirst, boolean removeAnonymousVolumes, Optional<Duration> timeout) {
    var plan = new Plan.Builder();
    Map<String, List<Integer>> stops = stopFirst ? addStops(plan, timeout, "rm --stop") : Map.of();
    for (String serviceName : stopOrder()) {
      for (ObservedContainer container : containers(serviceName)) {
        boolean running =
            container.status() == ContainerStatus.RUNNING
                || container.status() == ContainerStatus.RESTARTING
                || container.status() == ContainerStatus.PAUSED;
        if (running && !stopFirst) {
          continue;
        }
        plan.add(
            new RemoveContainer(serviceName, container.name(), removeAnonymousVolumes),
            "rm",
            stops.getOrDefault(container.name(), List.of()));
      }
    }
    return plan.build();
  }

  /** Stop nodes by container name. */
  private Map<String, List<Integer>> addStops(
      Plan.Builder plan, Optional<Duration> timeout, String cause) {
    var byService = new HashMap<String, List<Integer>>();
    var byContainer = new HashMap<String, List<Integer>>();
    for (String serviceName : stopOrder()) {
      var after = new ArrayList<Integer>();
      for (String dependent : dependents(serviceName)) {
        after.addAll(byService.getOrDefault(dependent, List.of()));
      }
      var nodes = new ArrayList<Integer>();
      for (ObservedContainer container : containers(serviceName)) {
        if (container.status() != ContainerStatus.RUNNING
            && container.status() != ContainerStatus.RESTARTING
            && container.status() != ContainerStatus.PAUSED) {
          continue;
        }
        int node =
            plan.add(new StopContainer(serviceName, container.name(), timeout), cause, after);
        nodes.add(node);
        byContainer.put(container.name(), List.of(node));
      }
      nodes.addAll(after);
      byService.put(serviceName, nodes);
    }
    return byContainer;
  }

  private void addStarts(Plan.Builder plan, Map<String, List<Integer>> stops, String cause) {
    var byService = new HashMap<String, List<Integer>>();
    for (String serviceName : startOrder()) {
      var after = new ArrayList<Integer>();
      for (String dependency : dependencies(serviceName)) {
        after.addAll(byService.getOrDefault(dependency, List.of()));
      }
      var nodes = new ArrayList<Integer>();
      for (ObservedContainer container : containers(serviceName)) {
        boolean stopping = stops.containsKey(container.name());
        if (!stopping && container.status() == ContainerStatus.RUNNING) {
          continue;
        }
        var before = new ArrayList<>(after);
        before.addAll(stops.getOrDefault(container.name(), List.of()));
        nodes.add(plan.add(new StartContainer(serviceName, container.name()), cause, before));
      }
      nodes.addAll(after);
      byService.put(serviceName, nodes);
    }
  }

  private List<ObservedContainer> containers(String serviceName) {
    var found = new ArrayList<>(observed.serviceContainers(serviceName));
    found.sort(Comparator.comparingInt(ObservedContainer::number));
    return found;
  }

  /** The targeted services that have containers, dependencies first. */
  private List<String> startOrder() {
    var order = new ArrayList<String>();
    var known = new LinkedHashSet<String>(graph.startOrder());
    var present = new TreeSet<String>();
    for (ObservedContainer container : observed.containers()) {
      if (!container.oneOff()) {
        present.add(container.serviceName());
      }
    }
    known.addAll(present);
    for (String serviceName : known) {
      if ((services.isEmpty() || services.contains(serviceName)) && present.contains(serviceName)) {
        order.add(serviceName);
      }
    }
    return order;
  }

  private List<String> stopOrder() {
    List<String> order = startOrder();
    var reversed = new ArrayList<String>(order.size());
    for (int i = order.size() - 1; i >= 0; i--) {
      reversed.add(order.get(i));
    }
    return reversed;
  }

  private Set<String> dependencies(String serviceName) {
    return project.services().containsKey(serviceName) ? graph.dependencies(serviceName) : Set.of();
  }

  private Set<String> dependents(String serviceName) {
    return project.services().containsKey(serviceName) ? graph.dependents(serviceName) : Set.of();
  }
}
