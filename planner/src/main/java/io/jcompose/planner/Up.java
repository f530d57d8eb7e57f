package io.jcompose.planner;

import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.ReadinessCheck;
import io.jcompose.model.project.Service;
import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.observe.StateCollector;
import io.jcompose.planner.reconcile.Reconciler;
import io.jcompose.planner.reconcile.Reconciliation;
import io.jcompose.planner.wait.ProjectWaiter;
import io.jcompose.planner.wait.ReadinessWaiter;
import io.jcompose.planner.wait.WaitListener;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code up}: ensure images (pull, build), then observe and reconcile the containers against the
 * images as they are now, execute, and optionally wait for every service, then for the readiness
 * check of each service that has one.
 */
final class Up {

  private final Compose compose;
  private final Project project;
  private final UpOptions options;
  private final ServiceGraph graph;
  private final StateCollector collector;

  Up(Compose compose, Project project, UpOptions options) {
    this.compose = compose;
    this.project = project;
    this.options = options;
    this.graph = ServiceGraph.of(project);
    this.collector = new StateCollector(compose.runtime());
  }

  Reconciliation plan() {
    Reconciliation images = images();
    Reconciliation containers = containers();
    var warnings = new ArrayList<>(images.warnings());
    warnings.addAll(containers.warnings());
    return new Reconciliation(images.plan().then(containers.plan()), warnings);
  }

  void run() throws InterruptedException {
    Reconciliation images = images();
    warn(images);
    compose.executor(project.name(), options.waitTimeout()).execute(images.plan());
    Reconciliation containers = containers();
    warn(containers);
    compose.executor(project.name(), options.waitTimeout()).execute(containers.plan());
    if (options.waitForServices() && !options.reconcile().noStart()) {
      waitForServices();
    }
  }

  private Reconciliation images() {
    ObservedState present = ObservedState.empty().withImages(collector.images(project));
    return Reconciler.images(project, graph, present, options.reconcile());
  }

  private Reconciliation containers() {
    return Reconciler.up(project, graph, collector.collect(project), options.reconcile());
  }

  private void waitForServices() throws InterruptedException {
    Set<String> services = options.reconcile().includedServices(project, graph);
    var oneShots = new TreeSet<String>();
    for (String serviceName : services) {
      graph
          .dependsOn(serviceName)
          .forEach(
              (dependencyName, dependency) -> {
                if (dependency.condition() == Dependency.Condition.SERVICE_COMPLETED_SUCCESSFULLY) {
                  oneShots.add(dependencyName);
                }
              });
    }
    Compose.Settings settings = compose.settings();
    new ProjectWaiter(
            compose.runtime(),
            project.name(),
            settings.clock(),
            settings.sleeper(),
            settings.pollInterval(),
            options.waitTimeout())
        .await(services, oneShots, serviceEvents());
    var readiness =
        new ReadinessWaiter(
            compose.runtime(),
            project.name(),
            settings.clock(),
            settings.sleeper(),
            settings.probes(),
            options.waitTimeout());
    for (String serviceName : services) {
      Service service = project.services().get(serviceName);
      if (service == null || oneShots.contains(serviceName)) {
        continue;
      }
      Optional<ReadinessCheck> check = service.lifecycle().readiness();
      if (check.isPresent()) {
        readiness.await(serviceName, check.get(), serviceEvents());
      }
    }
  }

  /** Each wait's progress as the services' waiting and ready events. */
  private WaitListener serviceEvents() {
    return new WaitListener() {
      @Override
      public void waiting(String serviceName, String state) {
        compose.sink().accept(new ProgressEvent.ServiceWaiting(serviceName, state));
      }

      @Override
      public void ready(String serviceName) {
        compose.sink().accept(new ProgressEvent.ServiceReady(serviceName));
      }
    };
  }

  private void warn(Reconciliation reconciliation) {
    reconciliation
        .warnings()
        .forEach(warning -> compose.sink().accept(new ProgressEvent.Warning(warning)));
  }
}
