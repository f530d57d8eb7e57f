package io.jcompose.planner.reconcile;

import io.jcompose.model.project.Network;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Volume;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.observe.ObservedContainer;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.plan.CreateNetwork;
import io.jcompose.planner.plan.CreateVolume;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.RemoveContainer;
import io.jcompose.planner.plan.StopContainer;
import io.jcompose.planner.spec.ResourceSpecs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project-level part of an {@code up}: orphan containers (reported, or removed with {@code
 * --remove-orphans}), then the networks and volumes to create; external ones must exist.
 */
final class ResourceNodes {

  private final Project project;
  private final ObservedState observed;
  private final ReconcileOptions options;
  private final Plan.Builder plan;
  private final List<String> warnings;

  ResourceNodes(
      Project project,
      ObservedState observed,
      ReconcileOptions options,
      Plan.Builder plan,
      List<String> warnings) {
    this.project = project;
    this.observed = observed;
    this.options = options;
    this.plan = plan;
    this.warnings = warnings;
  }

  void orphans() {
    var orphans = new ArrayList<ObservedContainer>();
    for (ObservedContainer container : observed.containers()) {
      boolean knownService =
          project.services().containsKey(container.serviceName())
              || project.disabledServices().contains(container.serviceName());
      if (container.oneOff() ? !container.isRunning() : !knownService) {
        orphans.add(container);
      }
    }
    if (orphans.isEmpty()) {
      return;
    }
    if (!options.removeOrphans()) {
      var names = new ArrayList<String>();
      orphans.forEach(container -> names.add(container.name()));
      warnings.add(
          "found orphan containers "
              + names
              + " for this project; if you removed or renamed their service, run with"
              + " --remove-orphans to clean them up");
      return;
    }
    for (ObservedContainer orphan : orphans) {
      String cause =
          orphan.oneOff()
              ? "orphan: one-off container that has exited"
              : "orphan: service " + orphan.serviceName() + " is not in the project";
      var after = new ArrayList<Integer>();
      if (orphan.isRunning()) {
        after.add(
            plan.add(
                new StopContainer(orphan.serviceName(), orphan.name(), options.timeout()), cause));
      }
      plan.add(new RemoveContainer(orphan.serviceName(), orphan.name(), false), cause, after);
    }
  }

  Map<String, Integer> networks() {
    var networkNodes = new HashMap<String, Integer>();
    for (Network network : project.networks().values()) {
      boolean present = observed.networks().containsKey(network.key());
      if (network.external()) {
        if (!present) {
          throw new ReconcileException(
              "network "
                  + network.name()
                  + " declared as external, but could not be found; create it with `docker"
                  + " network create "
                  + network.name()
                  + "` or remove external: true");
        }
      } else if (!present) {
        networkNodes.put(
            network.key(),
            plan.add(
                new CreateNetwork(network.key(), ResourceSpecs.network(project, network)),
                "not found"));
      } else if (!project
          .name()
          .equals(observed.networks().get(network.key()).labels().get(Labels.PROJECT))) {
        warnings.add(
            "network "
                + network.name()
                + " exists but was not created for project "
                + project.name()
                + "; set external: true to use an existing network");
      }
    }
    return networkNodes;
  }

  Map<String, Integer> volumes() {
    var volumeNodes = new HashMap<String, Integer>();
    for (Volume volume : project.volumes().values()) {
      boolean present = observed.volumes().containsKey(volume.key());
      if (volume.external()) {
        if (!present) {
          throw new ReconcileException(
              "volume "
                  + volume.name()
                  + " declared as external, but could not be found; create it with `docker volume"
                  + " create "
                  + volume.name()
                  + "` or remove external: true");
        }
      } else if (!present) {
        volumeNodes.put(
            volume.key(),
            plan.add(
                new CreateVolume(volume.key(), ResourceSpecs.volume(project, volume)),
                "not found"));
      } else if (!project
          .name()
          .equals(observed.volumes().get(volume.key()).labels().get(Labels.PROJECT))) {
        warnings.add(
            "volume "
                + volume.name()
                + " exists but was not created for project "
                + project.name()
                + "; set external: true to use an existing volume");
      }
    }
    return volumeNodes;
  }
}
