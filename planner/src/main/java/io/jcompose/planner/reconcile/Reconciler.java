package io.jcompose.planner.reconcile;

import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.Project;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.plan.Plan;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

  /**
   * What {@code pull} fetches: the images of the services {@code options} includes.
   *
   * @param missingOnly only images that are not present ({@code --policy missing}); otherwise
   *     {@code --policy always}
   */
  public static Reconciliation pulls(
      Project project,
      ServiceGraph graph,
      ObservedState observed,
      ReconcileOptions options,
      boolean missingOnly) {
    return pulls(
        project,
        graph,
        observed,
        options,
        new PullOptions(Optional.of(missingOnly ? "missing" : "always"), false, false));
  }

  /** What {@code pull} fetches, by each service's pull policy or {@code --policy}. */
  public static Reconciliation pulls(
      Project project,
      ServiceGraph graph,
      ObservedState observed,
      ReconcileOptions options,
      PullOptions pullOptions) {
    return new ImageReconciler(project, graph, observed, options).pulls(pullOptions);
  }

  /**
   * What {@code push} sends: the image and build tags of the included services that have both
   * {@code image} and {@code build}.
   *
   * @param ignoreFailures {@code --ignore-push-failures}
   */
  public static Reconciliation pushes(
      Project project, ServiceGraph graph, ReconcileOptions options, boolean ignoreFailures) {
    return new ImageReconciler(project, graph, ObservedState.empty(), options)
        .pushes(ignoreFailures);
  }

  /** What {@code build} builds: the services {@code options} includes that have a build section. */
  public static Reconciliation builds(
      Project project, ServiceGraph graph, ReconcileOptions options, BuildOptions overrides) {
    return new ImageReconciler(project, graph, ObservedState.empty(), options).builds(overrides);
  }

  /** {@code stop}: the targeted running containers (all when empty), dependents first. */
  public static Plan stop(
      Project project,
      ServiceGraph graph,
      ObservedState observed,
      Set<String> services,
      Optional<Duration> timeout) {
    return new LifecycleReconciler(project, graph, observed, services).stop(timeout);
  }

  /** {@code start}: the targeted containers that are not running, dependencies first. */
  public static Plan start(
      Project project, ServiceGraph graph, ObservedState observed, Set<String> services) {
    return new LifecycleReconciler(project, graph, observed, services).start();
  }

  /**
   * {@code restart}: stop (dependents first), then start (dependencies first).
   *
   * @param restartDependents whether the dependents that declared {@code restart: true} on a
   *     targeted service are restarted with it (false: {@code restart --no-deps})
   */
  public static Plan restart(
      Project project,
      ServiceGraph graph,
      ObservedState observed,
      Set<String> services,
      Optional<Duration> timeout,
      boolean restartDependents) {
    Set<String> targeted =
        restartDependents && !services.isEmpty()
            ? withRestartDependents(project, graph, services)
            : services;
    return new LifecycleReconciler(project, graph, observed, targeted).restart(timeout);
  }

  /**
   * {@code services} and, transitively, the services that declared {@code restart: true} on one.
   */
  private static Set<String> withRestartDependents(
      Project project, ServiceGraph graph, Set<String> services) {
    var targeted = new TreeSet<String>(services);
    var pending = new ArrayDeque<String>(services);
    while (!pending.isEmpty()) {
      String serviceName = pending.removeFirst();
      if (!project.services().containsKey(serviceName)) {
        continue;
      }
      for (String dependent : graph.dependents(serviceName)) {
        Dependency declared = graph.dependsOn(dependent).get(serviceName);
        if (declared != null && declared.restart() && targeted.add(dependent)) {
          pending.addLast(dependent);
        }
      }
    }
    return targeted;
  }

  /**
   * {@code rm}: the targeted stopped containers; with {@code stopFirst} ({@code rm --stop}) running
   * ones are stopped first and removed too.
   */
  public static Plan remove(
      Project project,
      ServiceGraph graph,
      ObservedState observed,
      Set<String> services,
      boolean stopFirst,
      boolean removeAnonymousVolumes,
      Optional<Duration> timeout) {
    return new LifecycleReconciler(project, graph, observed, services)
        .remove(stopFirst, removeAnonymousVolumes, timeout);
  }

  /** What {@code down} removes, dependents first. */
  public static Reconciliation down(
      Project project, ServiceGraph graph, ObservedState observed, DownOptions options) {
    return new DownReconciler(project, graph, observed, options).reconcile();
  }
}
