package io.jcompose.planner.reconcile;

import io.jcompose.model.project.Project;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedState;

/**
 * Pure functions from (project, observed state, options) to a plan: no I/O, no clock; the same
 * input always gives the same plan, which is what {@code --dry-run} prints and golden tests pin.
 */
public final class Reconciler {

  private Reconciler() {}

  /**
   * The containers, networks and volumes of {@code up} (images are ensured first, by {@link
   * #images}).
   *
   * @throws ReconcileException when the project cannot be brought up as it stands
   */
  public static Reconciliation up(
      Project project, ServiceGraph graph, ObservedState observed, ReconcileOptions options) {
    return new UpReconciler(project, graph, observed, options).reconcile();
  }

  /** The pulls and builds {@code up} needs before it can create containers. */
  public static Reconciliation images(
      Project project, ServiceGraph graph, ObservedState observed, ReconcileOptions options) {
    return new ImageReconciler(project, graph, observed, options).reconcile();
  }

  /** What {@code down} removes, dependents first. */
  public static Reconciliation down(
      Project project, ServiceGraph graph, ObservedState observed, DownOptions options) {
    return new DownReconciler(project, graph, observed, options).reconcile();
  }
}
