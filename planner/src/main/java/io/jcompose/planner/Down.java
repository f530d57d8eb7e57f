package io.jcompose.planner;

import io.jcompose.model.project.Project;
import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.StateCollector;
import io.jcompose.planner.reconcile.DownOptions;
import io.jcompose.planner.reconcile.Reconciler;
import io.jcompose.planner.reconcile.Reconciliation;
import java.util.Optional;

/** {@code down}: observe, plan the removals dependents first, execute. */
final class Down {

  private final Compose compose;
  private final Project project;
  private final DownOptions options;

  Down(Compose compose, Project project, DownOptions options) {
    this.compose = compose;
    this.project = project;
    this.options = options;
  }

  Reconciliation plan() {
    return Reconciler.down(
        project,
        ServiceGraph.of(project),
        new StateCollector(compose.runtime()).collect(project),
        options);
  }

  void run() throws InterruptedException {
    Reconciliation reconciliation = plan();
    reconciliation
        .warnings()
        .forEach(warning -> compose.sink().accept(new ProgressEvent.Warning(warning)));
    compose.executor(project.name(), Optional.empty()).execute(reconciliation.plan());
  }
}
