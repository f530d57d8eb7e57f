package io.jcompose.planner.reconcile;

import io.jcompose.model.project.BuildSpec;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.plan.BuildImage;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.PullImage;
import io.jcompose.planner.spi.ImageBuild;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which images {@code up} pulls or builds first, by pull policy: {@code missing} (the default)
 * pulls or builds what is not present, {@code always} pulls, {@code never} requires the image,
 * {@code build} builds; {@code --pull} overrides the file and {@code --build} builds every service
 * that has a build section.
 */
final class ImageReconciler {

  private final Project project;
  private final ServiceGraph graph;
  private final ObservedState observed;
  private final ReconcileOptions options;

  ImageReconciler(
      Project project, ServiceGraph graph, ObservedState observed, ReconcileOptions options) {
    this.project = project;
    this.graph = graph;
    this.observed = observed;
    this.options = options;
  }

  Reconciliation reconcile() {
    var plan = new Plan.Builder();
    for (Service service : includedByImage(service -> true)) {
      decide(service, service.imageName(project.name()), plan);
    }
    return new Reconciliation(plan.build(), List.of());
  }

  /**
   * {@code pull}: a pull for each included service that names an image (services that only build
   * are skipped); with {@code missingOnly}, only for images not present.
   */
  Reconciliation pulls(boolean missingOnly) {
    var plan = new Plan.Builder();
    var warnings = new ArrayList<String>();
    for (Service service : includedByImage(service -> true)) {
      if (service.image().isEmpty()) {
        warnings.add("service " + service.name() + " has no image to pull (it is built)");
        continue;
      }
      String reference = service.imageName(project.name());
      if (missingOnly && observed.image(reference).isPresent()) {
        continue;
      }
      plan.add(pull(service, reference), missingOnly ? "image not found" : "pull");
    }
    return new Reconciliation(plan.build(), warnings);
  }

  /** {@code build}: a build for each included service that has a build section. */
  Reconciliation builds(BuildOptions overrides) {
    var plan = new Plan.Builder();
    for (Service service : includedByImage(service -> service.build().isPresent())) {
      plan.add(build(service, service.imageName(project.name()), overrides), "build");
    }
    return new Reconciliation(plan.build(), List.of());
  }

  /**
   * The included services that are {@code eligible}, in start order, the first of each image
   * reference only (two services of one image pull or build it once).
   */
  private List<Service> includedByImage(Predicate<Service> eligible) {
    Set<String> wanted = options.includedServices(project, graph);
    var seen = new HashSet<String>();
    var services = new ArrayList<Service>();
    for (String serviceName : graph.startOrder()) {
      if (!wanted.contains(serviceName) || !project.services().containsKey(serviceName)) {
        continue;
      }
      Service service = project.service(serviceName);
      if (eligible.test(service) && seen.add(service.imageName(project.name()))) {
        services.add(service);
      }
    }
    return services;
  }

  private void decide(Service service, String reference, Plan.Builder plan) {
    boolean present = observed.image(reference).isPresent();
    boolean buildable = service.build().isPresent();
    ImageReconcilerOptions images = ImageReconcilerOptions.of(options, service);
    if (buildable && images.forceBuild()) {
      plan.add(build(service, reference), "--build");
      return;
    }
    switch (images.policy()) {
      case "always" -> plan.add(pull(service, reference), "pull_policy: always");
      case "never" -> {
        if (!present) {
          throw new ReconcileException(
              "image "
                  + reference
                  + " of service "
                  + service.name()
                  + " is not present and its pull policy is never; pull or build it first");
        }
      }
      case "build" -> plan.add(build(service, reference), "pull_policy: build");
      default -> {
        if (present) {
          return;
        }
        if (buildable) {
          if (options.images().noBuild()) {
            throw new ReconcileException(
                "image "
                    + reference
                    + " of service "
                    + service.name()
                    + " is not built and --no-build was given");
          }
          plan.add(build(service, reference), "image not found");
        } else {
          plan.add(pull(service, reference), "image not found");
        }
      }
    }
  }

  private PullImage pull(Service service, String reference) {
    return new PullImage(service.name(), reference, service.runtime().platform());
  }

  private BuildImage build(Service service, String reference) {
    return build(service, reference, BuildOptions.defaults());
  }

  private BuildImage build(Service service, String reference, BuildOptions overrides) {
    BuildSpec build = service.build().orElseThrow();
    var tags = new ArrayList<String>();
    tags.add(reference);
    tags.addAll(build.tags());
    var labels = new LinkedHashMap<>(build.labels());
    labels.put(Labels.PROJECT, project.name());
    labels.put(Labels.SERVICE, service.name());
    labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
    var args = new LinkedHashMap<String, String>();
    build
        .args()
        .forEach(
            (key, value) -> {
              if (value != null) {
                args.put(key, value);
              }
            });
    args.putAll(overrides.buildArgs());
    return new BuildImage(
        service.name(),
        reference,
        new ImageBuild(
            Path.of(build.context()),
            build.dockerfile().orElse("Dockerfile"),
            tags,
            args,
            build.target(),
            labels,
            overrides.noCache(),
            overrides.pull()));
  }

  /** The effective policy for one service. */
  private record ImageReconcilerOptions(String policy, boolean forceBuild) {
    static ImageReconcilerOptions of(ReconcileOptions options, Service service) {
      Optional<String> policy = options.images().pull().or(() -> service.lifecycle().pullPolicy());
      return new ImageReconcilerOptions(
          policy.map(ImageReconcilerOptions::normalise).orElse("missing"),
          options.images().build());
    }

    private static String normalise(String policy) {
      return switch (policy) {
        case "if_not_present" -> "missing";
        default ->
            policy.startsWith("every_") || policy.equals("daily") || policy.equals("weekly")
                ? "missing"
                : policy;
      };
    }
  }
}
