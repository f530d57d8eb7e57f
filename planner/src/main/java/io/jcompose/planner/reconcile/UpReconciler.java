package io.jcompose.planner.reconcile;

import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.MountSpec;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.ReadinessCheck;
import io.jcompose.model.project.Service;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.label.Names;
import io.jcompose.planner.observe.ObservedContainer;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.plan.CreateContainer;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.RemoveContainer;
import io.jcompose.planner.plan.RenameContainer;
import io.jcompose.planner.plan.StartContainer;
import io.jcompose.planner.plan.StopContainer;
import io.jcompose.planner.plan.WaitForDependency;
import io.jcompose.planner.spec.ContainerSpecs;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ImageSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reconcile of {@code up}: networks, volumes, then each service in dependency order — scale
 * down, recreate what diverged, start what is stopped, scale up — as plan nodes whose edges say
 * what must happen first. Pure: no I/O, no clock, the same input gives the same plan.
 */
final class UpReconciler {

  private final Project project;
  private final ServiceGraph graph;
  private final ObservedState observed;
  private final ReconcileOptions options;
  private final ContainerSpecs specs;
  private final Divergence divergence;
  private final Plan.Builder plan = new Plan.Builder();
  private final List<String> warnings = new ArrayList<>();

  private final Map<String, Integer> networkNodes = new HashMap<>();
  private final Map<String, Integer> volumeNodes = new HashMap<>();

  /** Nodes after which the service's containers run (their starts in this plan). */
  private final Map<String, Set<Integer>> readyNodes = new HashMap<>();

  /** Nodes after which the service's containers exist under their final names. */
  private final Map<String, Set<Integer>> existNodes = new HashMap<>();

  /** Containers stopped early because a dependency with {@code restart: true} is recreated. */
  private final Map<String, Integer> earlyStops = new HashMap<>();

  private final Set<String> recreated = new HashSet<>();
  private final Map<String, Set<Integer>> startDependencies = new HashMap<>();

  UpReconciler(
      Project project, ServiceGraph graph, ObservedState observed, ReconcileOptions options) {
    this.project = project;
    this.graph = graph;
    this.observed = observed;
    this.options = options;
    this.specs = new ContainerSpecs(project, this::firstContainerName);
    this.divergence = new Divergence(project, observed);
  }

  Reconciliation reconcile() {
    Set<String> included = options.includedServices(project, graph);
    Set<String> targeted =
        options.services().isEmpty() ? project.services().keySet() : options.services();
    var resources = new ResourceNodes(project, observed, options, plan, warnings);
    resources.orphans();
    networkNodes.putAll(resources.networks());
    volumeNodes.putAll(resources.volumes());
    for (String serviceName : graph.startOrder()) {
      if (included.contains(serviceName)) {
        optionalDependencies(serviceName);
        service(project.service(serviceName), targeted.contains(serviceName), included);
      }
    }
    return new Reconciliation(plan.build(), warnings);
  }

  /** Dependencies that are not in the project: an error unless {@code required: false}. */
  private void optionalDependencies(String serviceName) {
    graph
        .missingDependencies(serviceName)
        .forEach(
            (dependencyName, dependency) -> {
              String why =
                  project.disabledServices().contains(dependencyName)
                      ? "is disabled by its profiles"
                      : "is not defined";
              if (dependency.required()) {
                throw new ReconcileException(
                    "service " + serviceName + " depends on " + dependencyName + ", which " + why);
              }
              warnings.add(
                  "service "
                      + serviceName
                      + " starts without its optional dependency "
                      + dependencyName
                      + ", which "
                      + why);
            });
  }

  private void service(Service service, boolean targeted, Set<String> included) {
    String serviceName = service.name();
    readyNodes.put(serviceName, new TreeSet<>());
    existNodes.put(serviceName, new TreeSet<>());
    RecreatePolicy policy = targeted ? options.recreateTargeted() : options.recreateDependencies();
    Optional<String> forcedBy =
        policy == RecreatePolicy.FORCE
            ? Optional.of(targeted ? "--force-recreate" : "--always-recreate-deps")
            : Optional.empty();
    int desired = options.scale().getOrDefault(serviceName, service.scale());
    Optional<String> imageId =
        observed.image(service.imageName(project.name())).map(ImageSummary::id);
    Set<String> recreatedParents = new TreeSet<>(graph.namespaceParents(serviceName));
    recreatedParents.retainAll(recreated);

    var causes = new LinkedHashMap<ObservedContainer, Optional<String>>();
    for (ObservedContainer container : observed.serviceContainers(serviceName)) {
      causes.put(
          container,
          policy == RecreatePolicy.NEVER
              ? Optional.empty()
              : divergence.of(container, service, recreatedParents, imageId, forcedBy));
    }
    var byRemovalOrder = new ArrayList<>(causes.keySet());
    byRemovalOrder.sort(
        Comparator.comparing((ObservedContainer container) -> causes.get(container).isEmpty())
            .thenComparing(ObservedContainer::number, Comparator.reverseOrder()));
    int excess = Math.max(0, byRemovalOrder.size() - desired);
    for (ObservedContainer container : byRemovalOrder.subList(0, excess)) {
      String cause = "scale down to " + desired;
      var after = new TreeSet<Integer>();
      if (earlyStops.containsKey(container.name())) {
        after.add(earlyStops.get(container.name()));
      } else if (container.isRunning()) {
        after.add(
            plan.add(new StopContainer(serviceName, container.name(), options.timeout()), cause));
      }
      plan.add(new RemoveContainer(serviceName, container.name(), true), cause, after);
    }
    var kept = new ArrayList<>(byRemovalOrder.subList(excess, byRemovalOrder.size()));
    kept.sort(Comparator.comparing(ObservedContainer::number));
    if (kept.stream().anyMatch(container -> causes.get(container).isPresent())) {
      recreated.add(serviceName);
    }
    int highest = 0;
    for (ObservedContainer container : causes.keySet()) {
      highest = Math.max(highest, container.number());
    }
    for (ObservedContainer container : kept) {
      Optional<String> cause = causes.get(container);
      if (cause.isPresent()) {
        recreate(service, container, cause.get(), imageId, included);
      } else {
        keep(service, container);
      }
    }
    for (int count = kept.size(); count < desired; count++) {
      highest++;
      String containerName =
          Names.container(project.name(), serviceName, service.containerName(), highest);
      int create =
          plan.add(
              new CreateContainer(serviceName, specs.of(service, containerName, highest, imageId)),
              causes.isEmpty() ? "no existing container" : "scale up to " + desired,
              createDependencies(service));
      existNodes.get(serviceName).add(create);
      start(service, containerName, "created", create);
    }
  }

  private void keep(Service service, ObservedContainer container) {
    Integer earlyStop = earlyStops.get(container.name());
    if (earlyStop != null) {
      start(service, container.name(), "restarted after its restart: true dependency", earlyStop);
    } else if (!container.isRunning()
        && container.status() != io.jcompose.planner.spi.ContainerStatus.PAUSED
        && !(container.completedSuccessfully() && isOneShot(service.name()))) {
      start(service, container.name(), "container is " + container.status().word(), null);
    }
  }

  /**
   * A service that others wait on with {@code service_completed_successfully}: once it exited 0 and
   * nothing about it changed, its work is done and {@code up} leaves it alone (docker compose runs
   * it again on every {@code up}, which users of init containers complain about).
   */
  private boolean isOneShot(String serviceName) {
    for (String dependentName : graph.dependents(serviceName)) {
      Dependency dependency = graph.dependsOn(dependentName).get(serviceName);
      if (dependency != null
          && dependency.condition() == Dependency.Condition.SERVICE_COMPLETED_SUCCESSFULLY) {
        return true;
      }
    }
    return false;
  }

  private void recreate(
      Service service,
      ObservedContainer container,
      String cause,
      Optional<String> imageId,
      Set<String> included) {
    String serviceName = service.name();
    String finalName =
        Names.container(project.name(), serviceName, service.containerName(), container.number());
    String temporaryName = Names.replacement(container.id(), finalName);
    ContainerSpec spec = specs.of(service, temporaryName, container.number(), imageId);
    var labels = new LinkedHashMap<>(spec.labels());
    labels.put(Labels.REPLACE, container.name());
    spec = inheritAnonymousVolumes(spec.withLabels(labels), container);
    int create =
        plan.add(
            new CreateContainer(serviceName, spec),
            "recreate " + container.name() + ": " + cause,
            createDependencies(service));
    var stopAfter = new TreeSet<Integer>();
    stopAfter.add(create);
    stopAfter.addAll(stopDependentsFirst(serviceName, included));
    int removeAfter;
    if (earlyStops.containsKey(container.name())) {
      stopAfter.add(earlyStops.get(container.name()));
      removeAfter = -1;
    } else if (container.isRunning()) {
      removeAfter =
          plan.add(
              new StopContainer(serviceName, container.name(), options.timeout()),
              "replaced by " + temporaryName,
              stopAfter);
    } else {
      removeAfter = -1;
    }
    int remove =
        plan.add(
            new RemoveContainer(serviceName, container.name(), false),
            "replaced by " + temporaryName,
            removeAfter < 0 ? stopAfter : Set.of(removeAfter));
    int rename =
        plan.add(
            new RenameContainer(serviceName, temporaryName, finalName),
            "takes over from the replaced container",
            remove);
    existNodes.get(serviceName).add(rename);
    start(service, finalName, "recreated", rename);
  }

  /**
   * The replacement mounts the anonymous volumes of the container it replaces at the same
   * destinations, so their data survives (docker compose does the same unless {@code -V}).
   */
  private ContainerSpec inheritAnonymousVolumes(ContainerSpec spec, ObservedContainer container) {
    var namedVolumes = new HashSet<String>();
    project.volumes().values().forEach(volume -> namedVolumes.add(volume.name()));
    var mounts = new ArrayList<ContainerSpec.Mount>();
    var inherited = new LinkedHashMap<String, String>();
    container
        .volumeMounts()
        .forEach(
            (destination, volumeName) -> {
              if (!namedVolumes.contains(volumeName)) {
                inherited.put(destination, volumeName);
              }
            });
    if (inherited.isEmpty()) {
      return spec;
    }
    for (ContainerSpec.Mount mount : spec.storage().mounts()) {
      if (!inherited.containsKey(mount.target())) {
        mounts.add(mount);
      }
    }
    new java.util.TreeMap<>(inherited)
        .forEach(
            (destination, volumeName) ->
                mounts.add(
                    new ContainerSpec.Mount(
                        ContainerSpec.Mount.Type.VOLUME,
                        Optional.of(volumeName),
                        destination,
                        false)));
    return spec.withStorage(spec.storage().withMounts(mounts));
  }

  /**
   * Before a service's old containers stop, the running containers of services that declared {@code
   * restart: true} on it stop first; they start again once it is ready.
   */
  private Set<Integer> stopDependentsFirst(String serviceName, Set<String> included) {
    var stops = new TreeSet<Integer>();
    for (String dependentName : graph.dependents(serviceName)) {
      Dependency dependency = graph.dependsOn(dependentName).get(serviceName);
      if (dependency == null || !dependency.restart() || !included.contains(dependentName)) {
        continue;
      }
      for (ObservedContainer dependent : observed.serviceContainers(dependentName)) {
        if (!dependent.isRunning()) {
          continue;
        }
        Integer stop = earlyStops.get(dependent.name());
        if (stop == null) {
          stop =
              plan.add(
                  new StopContainer(dependentName, dependent.name(), options.timeout()),
                  "restart: true on " + serviceName + ", which is recreated");
          earlyStops.put(dependent.name(), stop);
        }
        stops.add(stop);
      }
    }
    return stops;
  }

  private Set<Integer> createDependencies(Service service) {
    var after = new TreeSet<Integer>();
    for (String networkKey : service.networking().networks().keySet()) {
      Integer node = networkNodes.get(networkKey);
      if (node != null) {
        after.add(node);
      }
    }
    for (MountSpec mount : service.volumes()) {
      if (mount.type() == MountSpec.Type.VOLUME && mount.source().isPresent()) {
        Integer node = volumeNodes.get(mount.source().get());
        if (node != null) {
          after.add(node);
        }
      }
    }
    for (String parent : graph.namespaceParents(service.name())) {
      after.addAll(existNodes.getOrDefault(parent, Set.of()));
    }
    return after;
  }

  private void start(Service service, String containerName, String cause, Integer after) {
    if (options.noStart()) {
      return;
    }
    var dependencies = new TreeSet<>(startDependencies(service.name()));
    if (after != null) {
      dependencies.add(after);
    }
    int start = plan.add(new StartContainer(service.name(), containerName), cause, dependencies);
    readyNodes.get(service.name()).add(start);
  }

  /**
   * What a service's starts wait for: the starts of its {@code service_started} dependencies, and
   * one wait node per dependency with a stronger condition or a readiness check. Made on first use,
   * so a service with nothing to start waits for nothing.
   */
  private Set<Integer> startDependencies(String serviceName) {
    Set<Integer> known = startDependencies.get(serviceName);
    if (known != null) {
      return known;
    }
    var after = new TreeSet<Integer>();
    graph
        .dependsOn(serviceName)
        .forEach(
            (dependencyName, dependency) -> {
              Set<Integer> ready = readyNodes.get(dependencyName);
              if (ready == null) {
                return; // not part of this run (--no-deps)
              }
              Optional<ReadinessCheck> check = readinessCheck(dependencyName, dependency);
              if (dependency.condition() == Dependency.Condition.SERVICE_STARTED
                  && check.isEmpty()) {
                after.addAll(ready);
              } else {
                after.add(
                    plan.add(
                        new WaitForDependency(
                            serviceName,
                            dependencyName,
                            dependency.condition(),
                            dependency.required(),
                            check),
                        "depends_on " + dependencyName,
                        ready));
              }
            });
    startDependencies.put(serviceName, after);
    return after;
  }

  /**
   * The jcompose readiness check a dependent waits for: the entry's own, else the service's; none
   * for a dependency that must complete (it has exited by then, as {@code up --wait} treats it).
   */
  private Optional<ReadinessCheck> readinessCheck(String dependencyName, Dependency dependency) {
    if (dependency.condition() == Dependency.Condition.SERVICE_COMPLETED_SUCCESSFULLY) {
      return Optional.empty();
    }
    Service service = project.services().get(dependencyName);
    return dependency.readinessCheck(
        service == null ? Optional.empty() : service.lifecycle().readiness());
  }

  private String firstContainerName(String serviceName) {
    Service parent = project.services().get(serviceName);
    return Names.container(
        project.name(), serviceName, parent == null ? Optional.empty() : parent.containerName(), 1);
  }
}
