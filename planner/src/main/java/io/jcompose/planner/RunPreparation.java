package io.jcompose.planner;

import io.jcompose.model.project.Project;
import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.observe.StateCollector;
import io.jcompose.planner.plan.CreateNetwork;
import io.jcompose.planner.plan.CreateVolume;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.reconcile.ReconcileException;
import io.jcompose.planner.reconcile.ReconcileOptions;
import io.jcompose.planner.reconcile.Reconciler;
import io.jcompose.planner.reconcile.Reconciliation;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code run} needs before it creates its one-off container (compose-inventory.md §5.1): the
 * service's dependencies brought up as {@code up} would (unless {@code --no-deps}), the service's
 * image pulled or built, and the project's networks and volumes. The service's own containers are
 * left as they are.
 */
final class RunPreparation {

  private final Compose compose;
  private final Project project;
  private final String serviceName;
  private final ReconcileOptions options;

  /**
   * @param options {@code run}'s {@code --no-deps} and image flags; its services are ignored
   */
  RunPreparation(Compose compose, Project project, String serviceName, ReconcileOptions options) {
    this.compose = compose;
    this.project = project;
    this.serviceName = serviceName;
    this.options = options;
  }

  void run() throws InterruptedException {
    if (!project.services().containsKey(serviceName)) {
      throw new ReconcileException(
          project.disabledServices().contains(serviceName)
              ? "service \""
                  + serviceName
                  + "\" is disabled by its profiles; enable one with --profile"
              : "no such service: " + serviceName);
    }
    ServiceGraph graph = ServiceGraph.of(project);
    Set<String> dependencies = new LinkedHashSet<>(graph.withDependencies(Set.of(serviceName)));
    dependencies.remove(serviceName);
    if (!options.noDeps() && !dependencies.isEmpty()) {
      new Up(
              compose,
              project,
              new UpOptions(
                  options.withServices(dependencies).withNoStart(false), false, Optional.empty()))
          .run();
    }
    ReconcileOptions own = options.withServices(Set.of(serviceName)).withNoDeps(true);
    var collector = new StateCollector(compose.runtime());
    Reconciliation images =
        Reconciler.images(
            project, graph, ObservedState.empty().withImages(collector.images(project)), own);
    images.warnings().forEach(warning -> compose.sink().accept(new ProgressEvent.Warning(warning)));
    compose.executor(project.name(), Optional.empty()).execute(images.plan());
    Plan containers = Reconciler.up(project, graph, collector.collect(project), own).plan();
    compose.executor(project.name(), Optional.empty()).execute(resourcesOnly(containers));
  }

  /** The networks and volumes of an {@code up} plan (they depend on nothing). */
  private static Plan resourcesOnly(Plan plan) {
    var resources = new Plan.Builder();
    for (PlanNode node : plan.nodes()) {
      if (node.operation() instanceof CreateNetwork || node.operation() instanceof CreateVolume) {
        resources.add(node.operation(), node.cause());
      }
    }
    return resources.build();
  }
}
