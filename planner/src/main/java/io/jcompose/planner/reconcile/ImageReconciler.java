package io.jcompose.planner.reconcile;

import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.plan.BuildImage;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.PullImage;
import io.jcompose.planner.plan.PushImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  /** The build node of each service built so far, for {@code service:NAME} named contexts. */
  private final Map<String, Integer> buildNodes = new HashMap<>();

  ImageReconciler(
      Project project, ServiceGraph graph, ObservedState observed, ReconcileOptions options) {
    this.project = project;
    this.graph = graph;
    this.observed = observed;
    this.options = options;
  }

  Reconciliation reconcile() {
    var plan = new Plan.Builder();
    for (Service service : contextServicesFirst(includedByImage(service -> true))) {
      decide(service, service.imageName(project.name()), plan);
    }
    return new Reconciliation(plan.build(), List.of());
  }

  /**
   * {@code pull}, as docker compose's: a pull for each included service that names an image, by its
   * pull policy ({@code --policy} over the file's): {@code never} and {@code build} skip it, {@code
   * missing} skips a present image, anything else pulls. A failed pull of an image that can be
   * built (or any, with {@code --ignore-pull-failures}) is a warning.
   */
  Reconciliation pulls(PullOptions pullOptions) {
    var plan = new Plan.Builder();
    var warnings = new ArrayList<String>();
    for (Service service : includedByImage(service -> true)) {
      if (service.image().isEmpty()) {
        warnings.add("service " + service.name() + " has no image to pull (it is built)");
        continue;
      }
      boolean buildable = service.build().isPresent();
      if (buildable && pullOptions.ignoreBuildable()) {
        warnings.add("service " + service.name() + " skipped: its image can be built");
        continue;
      }
      String policy =
          pullOptions
              .policy()
              .or(() -> service.lifecycle().pullPolicy())
              .map(ImageReconcilerOptions::normalise)
              .orElse("always");
      String reference = service.imageName(project.name());
      if (policy.equals("never") || policy.equals("build")) {
        warnings.add("service " + service.name() + " skipped: its pull_policy is " + policy);
        continue;
      }
      boolean missingOnly = policy.equals("missing");
      if (missingOnly && observed.image(reference).isPresent()) {
        continue;
      }
      plan.add(
          new PullImage(
              service.name(),
              reference,
              service.runtime().platform(),
              buildable || pullOptions.ignoreFailures()),
          pullCause(missingOnly, buildable, pullOptions.ignoreFailures()));
    }
    return new Reconciliation(plan.build(), warnings);
  }

  private static String pullCause(boolean missingOnly, boolean buildable, boolean ignoreFailures) {
    String cause = missingOnly ? "image not found" : "pull";
    if (ignoreFailures) {
      return cause + ", --ignore-pull-failures";
    }
    return buildable ? cause + ", a failure is a warning: it can be built" : cause;
  }

  /**
   * {@code push}: a push of the image and each {@code build.tags} entry of every included service
   * that has both {@code image} and {@code build}; the others are skipped, as docker compose does.
   * A service that only shares the image of one that builds it is not skipped: that image is pushed
   * whichever of the two starts first.
   */
  Reconciliation pushes(boolean ignoreFailures) {
    var plan = new Plan.Builder();
    var pushed = new HashSet<String>();
    for (Service service : includedByImage(ImageReconciler::pushable)) {
      var tags = new ArrayList<String>();
      tags.add(service.image().get());
      tags.addAll(service.build().get().tags());
      for (String tag : tags) {
        if (pushed.add(tag)) {
          plan.add(
              new PushImage(service.name(), tag, ignoreFailures),
              ignoreFailures ? "--ignore-push-failures" : "push");
        }
      }
    }
    var warnings = new ArrayList<String>();
    for (Service service : includedByImage(service -> !pushable(service))) {
      if (!pushed.contains(service.imageName(project.name()))) {
        warnings.add(
            "service "
                + service.name()
                + " skipped: push needs both image and build (it pushes what it built)");
      }
    }
    return new Reconciliation(plan.build(), warnings);
  }

  /** Whether {@code push} sends the image of {@code service}: it names an image and builds it. */
  private static boolean pushable(Service service) {
    return service.image().isPresent() && service.build().isPresent();
  }

  /** {@code build}: a build for each included service that has a build section. */
  Reconciliation builds(BuildOptions overrides) {
    var plan = new Plan.Builder();
    for (Service service :
        contextServicesFirst(includedByImage(service -> service.build().isPresent()))) {
      addBuild(plan, service, service.imageName(project.name()), overrides, "build");
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

  /**
   * {@code services} reordered so that a service another one names as a {@code service:NAME} build
   * context comes before it (its image must exist when the other builds).
   */
  private static List<Service> contextServicesFirst(List<Service> services) {
    var byName = new LinkedHashMap<String, Service>();
    services.forEach(service -> byName.put(service.name(), service));
    var ordered = new LinkedHashMap<String, Service>();
    for (Service service : services) {
      placeAfterContextServices(service, byName, ordered, new HashSet<>());
    }
    return List.copyOf(ordered.values());
  }

  private static void placeAfterContextServices(
      Service service,
      Map<String, Service> byName,
      Map<String, Service> ordered,
      Set<String> visiting) {
    if (ordered.containsKey(service.name()) || !visiting.add(service.name())) {
      return;
    }
    service.build().stream()
        .flatMap(build -> build.additionalContexts().values().stream())
        .map(BuildTranslation::referencedService)
        .flatMap(Optional::stream)
        .map(byName::get)
        .filter(Objects::nonNull)
        .forEach(other -> placeAfterContextServices(other, byName, ordered, visiting));
    ordered.put(service.name(), service);
  }

  private void decide(Service service, String reference, Plan.Builder plan) {
    boolean present = observed.image(reference).isPresent();
    boolean buildable = service.build().isPresent();
    ImageReconcilerOptions images = ImageReconcilerOptions.of(options, service);
    if (buildable && images.forceBuild()) {
      addBuild(plan, service, reference, "--build");
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
      case "build" -> addBuild(plan, service, reference, "pull_policy: build");
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
          addBuild(plan, service, reference, "image not found");
        } else {
          plan.add(pull(service, reference), "image not found");
        }
      }
    }
  }

  private PullImage pull(Service service, String reference) {
    return new PullImage(service.name(), reference, service.runtime().platform());
  }

  private void addBuild(Plan.Builder plan, Service service, String reference, String cause) {
    addBuild(plan, service, reference, BuildOptions.defaults(), cause);
  }

  /** A build, after the builds of the services its {@code service:NAME} contexts name. */
  private void addBuild(
      Plan.Builder plan, Service service, String reference, BuildOptions overrides, String cause) {
    var after = new ArrayList<Integer>();
    for (String source : service.build().orElseThrow().additionalContexts().values()) {
      BuildTranslation.referencedService(source).map(buildNodes::get).ifPresent(after::add);
    }
    var build =
        new BuildImage(
            service.name(), reference, BuildTranslation.of(project, service, reference, overrides));
    buildNodes.put(service.name(), plan.add(build, cause, after));
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
