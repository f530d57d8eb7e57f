package io.jcompose.planner;

import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.planner.event.EventSink;
import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.execute.ExecutionSettings;
import io.jcompose.planner.execute.PlanExecutor;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.observe.StateCollector;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.reconcile.BuildOptions;
import io.jcompose.planner.reconcile.DownOptions;
import io.jcompose.planner.reconcile.PullOptions;
import io.jcompose.planner.reconcile.ReconcileOptions;
import io.jcompose.planner.reconcile.Reconciler;
import io.jcompose.planner.reconcile.Reconciliation;
import io.jcompose.planner.spec.OneOffSpecs;
import io.jcompose.planner.spec.RunOverrides;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ImageSummary;
import io.jcompose.planner.wait.DependencyWaiter;
import io.jcompose.planner.wait.ProbeSettings;
import io.jcompose.planner.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The planner's front door: each verb observes the endpoint once, reconciles (a pure function) into
 * a plan, and hands the plan to the executor. {@code plan...} methods stop before executing, which
 * is {@code --dry-run}.
 *
 * <p>The caller owns the executor service (one per command, closed when it ends).
 */
public final class Compose {

  private final ContainerRuntime runtime;
  private final ExecutorService executor;
  private final Settings settings;
  private final EventSink sink;

  public Compose(
      ContainerRuntime runtime, ExecutorService executor, Settings settings, EventSink sink) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** What {@code up} would do: the pulls and builds, then the containers. */
  public Reconciliation planUp(Project project, UpOptions options) {
    return new Up(this, project, options).plan();
  }

  /**
   * Brings the project to its wanted state: pulls and builds, then networks, volumes and
   * containers, waiting for each dependency's condition and readiness check; with {@code --wait},
   * then waits for every service and its readiness check.
   *
   * @throws io.jcompose.planner.reconcile.ReconcileException when the project cannot be brought up
   *     as it stands (an external network missing, an unknown service named)
   * @throws io.jcompose.planner.graph.DependencyCycleException when services depend on each other
   *     in a cycle
   * @throws io.jcompose.planner.execute.PlanFailedException naming every operation that failed
   * @throws io.jcompose.planner.wait.WaitFailure when {@code --wait} finds a service failed or the
   *     timeout passes
   */
  public void up(Project project, UpOptions options) throws InterruptedException {
    new Up(this, project, options).run();
  }

  /** What {@code down} would do. */
  public Reconciliation planDown(Project project, DownOptions options) {
    return new Down(this, project, options).plan();
  }

  /** Stops and removes the project's containers, dependents first, then its networks. */
  public void down(Project project, DownOptions options) throws InterruptedException {
    new Down(this, project, options).run();
  }

  /**
   * What {@code pull} would fetch.
   *
   * @param missingOnly only what is not present ({@code --policy missing})
   */
  public Reconciliation planPull(Project project, ReconcileOptions options, boolean missingOnly) {
    return planPull(
        project,
        options,
        new PullOptions(Optional.of(missingOnly ? "missing" : "always"), false, false));
  }

  /** What {@code pull} would fetch, by each service's pull policy or {@code --policy}. */
  public Reconciliation planPull(
      Project project, ReconcileOptions options, PullOptions pullOptions) {
    ObservedState present =
        ObservedState.empty().withImages(new StateCollector(runtime).images(project));
    return Reconciler.pulls(project, ServiceGraph.of(project), present, options, pullOptions);
  }

  /** Pulls the included services' images, in parallel up to the parallelism cap. */
  public void pull(Project project, ReconcileOptions options, PullOptions pullOptions)
      throws InterruptedException {
    Reconciliation pulls = planPull(project, options, pullOptions);
    pulls.warnings().forEach(warning -> sink.accept(new ProgressEvent.Warning(warning)));
    executor(project.name(), Optional.empty()).execute(pulls.plan());
  }

  /**
   * What {@code push} would send.
   *
   * @param ignoreFailures {@code --ignore-push-failures}: failed pushes become warnings
   */
  public Reconciliation planPush(
      Project project, ReconcileOptions options, boolean ignoreFailures) {
    return Reconciler.pushes(project, ServiceGraph.of(project), options, ignoreFailures);
  }

  /** Pushes the included services' images, in parallel up to the parallelism cap. */
  public void push(Project project, ReconcileOptions options, boolean ignoreFailures)
      throws InterruptedException {
    Reconciliation pushes = planPush(project, options, ignoreFailures);
    pushes.warnings().forEach(warning -> sink.accept(new ProgressEvent.Warning(warning)));
    executor(project.name(), Optional.empty()).execute(pushes.plan());
  }

  /** What {@code build} would build. */
  public Reconciliation planBuild(
      Project project, ReconcileOptions options, BuildOptions overrides) {
    return Reconciler.builds(project, ServiceGraph.of(project), options, overrides);
  }

  /** Builds the included services that have a build section. */
  public void build(Project project, ReconcileOptions options, BuildOptions overrides)
      throws InterruptedException {
    executor(project.name(), Optional.empty())
        .execute(planBuild(project, options, overrides).plan());
  }

  /** What {@code stop} would do to the named services' containers (all when none is named). */
  public Plan planStop(Project project, Set<String> services, Optional<Duration> timeout) {
    return Reconciler.stop(project, ServiceGraph.of(project), observe(project), services, timeout);
  }

  /** What {@code start} would do. */
  public Plan planStart(Project project, Set<String> services) {
    return Reconciler.start(project, ServiceGraph.of(project), observe(project), services);
  }

  /**
   * What {@code restart} would do.
   *
   * @param restartDependents restart with each targeted service the dependents that declared {@code
   *     restart: true} on it ({@code false}: {@code --no-deps})
   */
  public Plan planRestart(
      Project project,
      Set<String> services,
      Optional<Duration> timeout,
      boolean restartDependents) {
    return Reconciler.restart(
        project, ServiceGraph.of(project), observe(project), services, timeout, restartDependents);
  }

  /** What {@code rm} would do. */
  public Plan planRemove(
      Project project,
      Set<String> services,
      boolean stopFirst,
      boolean removeAnonymousVolumes,
      Optional<Duration> timeout) {
    return Reconciler.remove(
        project,
        ServiceGraph.of(project),
        observe(project),
        services,
        stopFirst,
        removeAnonymousVolumes,
        timeout);
  }

  /**
   * Gets {@code run SERVICE} ready ({@link RunPreparation}): dependencies up unless {@code
   * options.noDeps()}, the service's image present, the project's networks and volumes created.
   */
  public void prepareRun(Project project, String serviceName, ReconcileOptions options)
      throws InterruptedException {
    new RunPreparation(this, project, serviceName, options).run();
  }

  /** The create request of a {@code run} container of {@code serviceName} ({@link OneOffSpecs}). */
  public ContainerSpec oneOffSpec(
      Project project,
      String serviceName,
      String containerName,
      String slug,
      RunOverrides overrides) {
    Service service = project.service(serviceName);
    Optional<String> imageId =
        runtime.inspectImage(service.imageName(project.name())).map(ImageSummary::id);
    return OneOffSpecs.of(project, service, containerName, slug, imageId, overrides);
  }

  /** Runs a plan of this project's (one the {@code plan...} methods made). */
  public void execute(Project project, Plan plan) throws InterruptedException {
    executor(project.name(), Optional.empty()).execute(plan);
  }

  private ObservedState observe(Project project) {
    return new StateCollector(runtime).collectContainers(project.name());
  }

  ContainerRuntime runtime() {
    return runtime;
  }

  EventSink sink() {
    return sink;
  }

  Settings settings() {
    return settings;
  }

  PlanExecutor executor(String projectName, Optional<Duration> waitTimeout) {
    return new PlanExecutor(
        runtime,
        executor,
        new ExecutionSettings(
            projectName,
            settings.parallelism(),
            settings.clock(),
            settings.sleeper(),
            settings.pollInterval(),
            waitTimeout,
            settings.probes()),
        sink);
  }

  /**
   * How the planner runs.
   *
   * @param parallelism the most runtime operations at once ({@code --parallel}); {@link
   *     ExecutionSettings#UNLIMITED} for no cap
   * @param pollInterval how often waits poll
   * @param probes how readiness checks reach containers' ports
   */
  public record Settings(
      int parallelism, Clock clock, Sleeper sleeper, Duration pollInterval, ProbeSettings probes) {

    /** Settings whose readiness checks use real sockets and loopback for published ports. */
    public Settings(int parallelism, Clock clock, Sleeper sleeper, Duration pollInterval) {
      this(parallelism, clock, sleeper, pollInterval, ProbeSettings.LOCAL);
    }

    public Settings {
      Objects.requireNonNull(probes, "probes");
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
      }
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** No cap, the system clock, real sleeps, 500 ms polls. */
    public static Settings defaults() {
      return new Settings(
          ExecutionSettings.UNLIMITED,
          Clock.systemUTC(),
          Sleeper.REAL,
          DependencyWaiter.DEFAULT_POLL_INTERVAL);
    }

    public Settings withParallelism(int newParallelism) {
      return new Settings(newParallelism, clock, sleeper, pollInterval, probes);
    }

    public Settings withProbes(ProbeSettings newProbes) {
      return new Settings(parallelism, clock, sleeper, pollInterval, newProbes);
    }
  }
}
