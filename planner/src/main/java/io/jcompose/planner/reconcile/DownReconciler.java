package io.jcompose.planner.reconcile;

import io.jcompose.model.project.Network;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.Volume;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.observe.ObservedContainer;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.RemoveContainer;
import io.jcompose.planner.plan.RemoveImage;
import io.jcompose.planner.plan.RemoveNetwork;
import io.jcompose.planner.plan.RemoveVolume;
import io.jcompose.planner.plan.StopContainer;
import io.jcompose.planner.spi.NetworkSummary;
import io.jcompose.planner.spi.VolumeSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reconcile of {@code down}: containers stop dependents first (a service stops only after every
 * service that depends on it), then go; then the project's networks, and with {@code -v} its
 * volumes, and with {@code --rmi} its images. External resources are never touched.
 */
final class DownReconciler {

  private final Project project;
  private final ServiceGraph graph;
  private final ObservedState observed;
  private final DownOptions options;
  private final Plan.Builder plan = new Plan.Builder();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, Set<Integer>> stopNodes = new HashMap<>();
  private final Set<Integer> removeNodes = new TreeSet<>();

  DownReconciler(Project project, ServiceGraph graph, ObservedState observed, DownOptions options) {
    this.project = project;
    this.graph = graph;
    this.observed = observed;
    this.options = options;
  }

  Reconciliation reconcile() {
    var order = new ArrayList<String>();
    var orphans = new TreeSet<String>();
    for (ObservedContainer container : observed.containers()) {
      String serviceName = container.serviceName();
      if (!project.services().containsKey(serviceName)
          && !project.disabledServices().contains(serviceName)) {
        orphans.add(serviceName);
      }
    }
    if (options.removeOrphans()) {
      order.addAll(orphans);
    } else if (!orphans.isEmpty()) {
      warnings.add(
          "found orphan containers of services "
              + orphans
              + " for this project; run with --remove-orphans to remove them too");
    }
    order.addAll(new TreeSet<>(project.disabledServices()));
    order.addAll(graph.stopOrder());
    for (String serviceName : order) {
      containers(serviceName);
    }
    networks();
    if (options.removeVolumes()) {
      volumes();
    }
    options.removeImages().ifPresent(this::images);
    return new Reconciliation(plan.build(), warnings);
  }

  private void containers(String serviceName) {
    var stops = new TreeSet<Integer>();
    stopNodes.put(serviceName, stops);
    var after = new TreeSet<Integer>();
    if (project.services().containsKey(serviceName)) {
      for (String dependentName : graph.dependents(serviceName)) {
        after.addAll(stopNodes.getOrDefault(dependentName, Set.of()));
      }
    }
    for (ObservedContainer container : observed.containers()) {
      if (!container.serviceName().equals(serviceName)) {
        continue;
      }
      String cause = project.services().containsKey(serviceName) ? "down" : causeFor(serviceName);
      var removeAfter = new TreeSet<Integer>();
      if (container.isRunning()) {
        int stop =
            plan.add(
                new StopContainer(serviceName, container.name(), options.timeout()), cause, after);
        stops.add(stop);
        removeAfter.add(stop);
      } else {
        removeAfter.addAll(after);
      }
      removeNodes.add(
          plan.add(
              new RemoveContainer(serviceName, container.name(), options.removeVolumes()),
              cause,
              removeAfter));
    }
  }

  private String causeFor(String serviceName) {
    return project.disabledServices().contains(serviceName)
        ? "down (service disabled by its profiles)"
        : "orphan: service " + serviceName + " is not in the project";
  }

  private void networks() {
    for (Network network : project.networks().values()) {
      NetworkSummary found = observed.networks().get(network.key());
      if (network.external() || found == null || !ours(found.labels())) {
        continue;
      }
      plan.add(new RemoveNetwork(network.key(), network.name()), "down", removeNodes);
    }
  }

  private void volumes() {
    for (Volume volume : project.volumes().values()) {
      VolumeSummary found = observed.volumes().get(volume.key());
      if (volume.external() || found == null || !ours(found.labels())) {
        continue;
      }
      plan.add(new RemoveVolume(volume.key(), volume.name()), "down -v", removeNodes);
    }
  }

  private void images(String which) {
    var references = new LinkedHashSet<String>();
    var owners = new HashMap<String, String>();
    for (Service service : project.services().values()) {
      if (which.equals("all") || service.image().isEmpty()) {
        String reference = service.imageName(project.name());
        references.add(reference);
        owners.putIfAbsent(reference, service.name());
      }
    }
    for (String reference : references) {
      plan.add(new RemoveImage(owners.get(reference), reference), "--rmi " + which, removeNodes);
    }
  }

  private boolean ours(Map<String, String> labels) {
    return project.name().equals(labels.get(Labels.PROJECT));
  }
}
