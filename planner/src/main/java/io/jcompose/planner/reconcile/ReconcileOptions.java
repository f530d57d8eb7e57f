package io.jcompose.planner.reconcile;

import io.jcompose.model.project.Project;
import io.jcompose.planner.graph.ServiceGraph;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the command line asks of an {@code up} (or {@code create}).
 *
 * @param services the services named on the command line; empty for all
 * @param noDeps do not bring up the named services' dependencies ({@code --no-deps})
 * @param recreateTargeted policy for the named services ({@code --force-recreate}, {@code
 *     --no-recreate})
 * @param recreateDependencies policy for services pulled in as dependencies ({@code
 *     --always-recreate-deps}, {@code --no-recreate})
 * @param scale replica counts by service ({@code --scale web=3}), over the file's
 * @param noStart create but do not start ({@code --no-start}, {@code create})
 * @param removeOrphans remove containers of services no longer in the project
 * @param timeout stop timeout for containers the plan stops ({@code -t}); empty for each
 *     container's own
 * @param images how images are pulled and built
 */
public record ReconcileOptions(
    Set<String> services,
    boolean noDeps,
    RecreatePolicy recreateTargeted,
    RecreatePolicy recreateDependencies,
    Map<String, Integer> scale,
    boolean noStart,
    boolean removeOrphans,
    Optional<Duration> timeout,
    ImageOptions images) {

  public ReconcileOptions {
    services = Set.copyOf(services);
    Objects.requireNonNull(recreateTargeted, "recreateTargeted");
    Objects.requireNonNull(recreateDependencies, "recreateDependencies");
    scale = Map.copyOf(scale);
    scale.forEach(
        (service, count) -> {
          if (count < 0) {
            throw new IllegalArgumentException(
                "--scale " + service + "=" + count + ": a replica count cannot be negative");
          }
        });
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(images, "images");
  }

  /** A plain {@code up}: every service, recreate what diverged, start everything. */
  public static ReconcileOptions defaults() {
    return new ReconcileOptions(
        Set.of(),
        false,
        RecreatePolicy.DIVERGED,
        RecreatePolicy.DIVERGED,
        Map.of(),
        false,
        false,
        Optional.empty(),
        ImageOptions.defaults());
  }

  /**
   * The services this run touches: the named ones (all when none is named) and, unless {@code
   * --no-deps}, what they depend on.
   *
   * @throws ReconcileException when a named service is not in the project or is disabled
   */
  public Set<String> includedServices(Project project, ServiceGraph graph) {
    for (String serviceName : services) {
      if (!project.services().containsKey(serviceName)) {
        throw new ReconcileException(
            project.disabledServices().contains(serviceName)
                ? "service \""
                    + serviceName
                    + "\" is disabled by its profiles; enable one with --profile"
                : "no such service: " + serviceName);
      }
    }
    Set<String> targeted = services.isEmpty() ? project.services().keySet() : services;
    return noDeps ? targeted : graph.withDependencies(targeted);
  }

  public ReconcileOptions withServices(Set<String> newServices) {
    return new ReconcileOptions(
        newServices,
        noDeps,
        recreateTargeted,
        recreateDependencies,
        scale,
        noStart,
        removeOrphans,
        timeout,
        images);
  }

  public ReconcileOptions withNoDeps(boolean newNoDeps) {
    return new ReconcileOptions(
        services,
        newNoDeps,
        recreateTargeted,
        recreateDependencies,
        scale,
        noStart,
        removeOrphans,
        timeout,
        images);
  }

  public ReconcileOptions withRecreate(RecreatePolicy targeted, RecreatePolicy dependencies) {
    return new ReconcileOptions(
        services, noDeps, targeted, dependencies, scale, noStart, removeOrphans, timeout, images);
  }

  public ReconcileOptions withScale(Map<String, Integer> newScale) {
    return new ReconcileOptions(
        services,
        noDeps,
        recreateTargeted,
        recreateDependencies,
        newScale,
        noStart,
        removeOrphans,
        timeout,
        images);
  }

  public ReconcileOptions withNoStart(boolean newNoStart) {
    return new ReconcileOptions(
        services,
        noDeps,
        recreateTargeted,
        recreateDependencies,
        scale,
        newNoStart,
        removeOrphans,
        timeout,
        images);
  }

  public ReconcileOptions withRemoveOrphans(boolean newRemoveOrphans) {
    return new ReconcileOptions(
        services,
        noDeps,
        recreateTargeted,
        recreateDependencies,
        scale,
        noStart,
        newRemoveOrphans,
        timeout,
        images);
  }

  public ReconcileOptions withTimeout(Optional<Duration> newTimeout) {
    return new ReconcileOptions(
        services,
        noDeps,
        recreateTargeted,
        recreateDependencies,
        scale,
        noStart,
        removeOrphans,
        newTimeout,
        images);
  }

  public ReconcileOptions withImages(ImageOptions newImages) {
    return new ReconcileOptions(
        services,
        noDeps,
        recreateTargeted,
        recreateDependencies,
        scale,
        noStart,
        removeOrphans,
        timeout,
        newImages);
  }

  /**
   * @param pull {@code --pull always|missing|never}, over each service's {@code pull_policy}
   * @param build build every service that has a build section ({@code --build})
   * @param noBuild never build ({@code --no-build}): a missing built image is an error
   */
  public record ImageOptions(Optional<String> pull, boolean build, boolean noBuild) {
    public ImageOptions {
      Objects.requireNonNull(pull, "pull");
      if (build && noBuild) {
        throw new IllegalArgumentException("--build and --no-build cannot be combined");
      }
    }

    public static ImageOptions defaults() {
      return new ImageOptions(Optional.empty(), false, false);
    }
  }
}
