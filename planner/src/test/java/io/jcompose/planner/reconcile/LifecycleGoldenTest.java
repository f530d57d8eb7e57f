package io.jcompose.planner.reconcile;

import static io.jcompose.planner.reconcile.GoldenPlanTest.STACK;
import static io.jcompose.planner.reconcile.GoldenPlanTest.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.jcompose.model.project.Project;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.plan.BuildImage;
import io.jcompose.planner.plan.PlanText;
import io.jcompose.planner.plan.PullImage;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ImageBuild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plans of {@code stop}, {@code start}, {@code restart}, {@code rm}, {@code pull}, {@code push}
 * and {@code build}, pinned as text: dependents stop first, dependencies start first, only what
 * exists is touched.
 */
class LifecycleGoldenTest {

  @TempDir Path directory;

  @Test
  void stop_stopsDependentsBeforeTheirDependencies() throws Exception {
    Project project = Projects.load(directory, STACK);

    assertGolden(
        "stop",
        PlanText.render(
            Reconciler.stop(
                project,
                ServiceGraph.of(project),
                Snapshots.after(project),
                Set.of(),
                Optional.of(Duration.ofSeconds(2)))));
  }

  @Test
  void startOfOneService_startsOnlyItsStoppedContainer() throws Exception {
    Project project = Projects.load(directory, STACK);
    ObservedState observed =
        Snapshots.editContainer(
            Snapshots.after(project),
            "demo-web-1",
            container -> Snapshots.withStatus(container, ContainerStatus.EXITED));

    assertGolden(
        "start-web",
        PlanText.render(
            Reconciler.start(project, ServiceGraph.of(project), observed, Set.of("web"))));
  }

  @Test
  void restart_stopsInReverseThenStartsInOrder_withTheDependentsThatDeclaredRestartTrue()
      throws Exception {
    Project project = Projects.load(directory, STACK);

    assertGolden(
        "restart",
        PlanText.render(
            Reconciler.restart(
                project,
                ServiceGraph.of(project),
                Snapshots.after(project),
                Set.of("db", "web"),
                Optional.empty(),
                true)));
  }

  @Test
  void restartNoDeps_leavesTheRestartTrueDependentRunning() throws Exception {
    Project project = Projects.load(directory, STACK);

    assertGolden(
        "restart-no-deps",
        PlanText.render(
            Reconciler.restart(
                project,
                ServiceGraph.of(project),
                Snapshots.after(project),
                Set.of("db", "web"),
                Optional.empty(),
                false)));
  }

  @Test
  void rm_leavesRunningContainersUnlessStop() throws Exception {
    Project project = Projects.load(directory, STACK);
    ObservedState observed =
        Snapshots.editContainer(
            Snapshots.after(project),
            "demo-cache-1",
            container -> Snapshots.withStatus(container, ContainerStatus.EXITED));
    ServiceGraph graph = ServiceGraph.of(project);

    assertGolden(
        "rm",
        PlanText.render(
                Reconciler.remove(
                    project, graph, observed, Set.of(), false, true, Optional.empty()))
            + "--- rm --stop web\n"
            + PlanText.render(
                Reconciler.remove(
                    project, graph, observed, Set.of("web"), true, false, Optional.empty())));
  }

  @Test
  void pullAndBuild_oneNodePerImage() throws Exception {
    Project project =
        Projects.load(directory, STACK.replace("image: example/worker:1", "build: ./worker"));
    ServiceGraph graph = ServiceGraph.of(project);
    ObservedState present =
        ObservedState.empty().withImages(Map.of("redis:7", Snapshots.image("redis:7")));

    assertGolden(
        "pull-build",
        Reconciler.pulls(project, graph, ObservedState.empty(), ReconcileOptions.defaults(), false)
                .text()
            + "--- pull --policy missing\n"
            + Reconciler.pulls(project, graph, present, ReconcileOptions.defaults(), true).text()
            + "--- build --no-cache --build-arg MODE=fast\n"
            + builds(
                Reconciler.builds(
                    project,
                    graph,
                    ReconcileOptions.defaults(),
                    new BuildOptions(Map.of("MODE", "fast"), true, false))));
  }

  @Test
  void pull_followsEachServicesPullPolicyUnlessPolicyIsGiven() throws Exception {
    Project project =
        Projects.load(
            directory,
            """
            services:
              always:
                image: example/always:1
              missing:
                image: example/missing:1
                pull_policy: missing
              present:
                image: example/present:1
                pull_policy: if_not_present
              never:
                image: example/never:1
                pull_policy: never
              built:
                image: example/built:1
                build: ./built
              local:
                build: ./local
            """);
    ServiceGraph graph = ServiceGraph.of(project);
    ObservedState present =
        ObservedState.empty()
            .withImages(Map.of("example/present:1", Snapshots.image("example/present:1")));

    assertGolden(
        "pull-policies",
        Reconciler.pulls(
                    project, graph, present, ReconcileOptions.defaults(), PullOptions.defaults())
                .text()
            + "--- pull --policy always --ignore-buildable\n"
            + Reconciler.pulls(
                    project,
                    graph,
                    present,
                    ReconcileOptions.defaults(),
                    new PullOptions(Optional.of("always"), true, false))
                .text());
    assertThat(
            Reconciler.pulls(
                    project, graph, present, ReconcileOptions.defaults(), PullOptions.defaults())
                .plan()
                .operations(PullImage.class))
        .extracting(PullImage::serviceName, PullImage::ignoreFailure)
        .containsExactly(tuple("always", false), tuple("built", true), tuple("missing", false));
  }

  @Test
  void push_sendsImageAndBuildTagsOfServicesThatBuildAndNameAnImage() throws Exception {
    Project project =
        Projects.load(
            directory,
            STACK
                .replace(
                    "image: example/web:1",
                    "image: registry.example:5000/web:1\n    build:\n      context: ./web\n"
                        + "      tags: [\"registry.example:5000/web:latest\"]")
                .replace("image: example/worker:1", "build: ./worker"));
    ServiceGraph graph = ServiceGraph.of(project);

    assertGolden(
        "push",
        Reconciler.pushes(project, graph, ReconcileOptions.defaults(), false).text()
            + "--- push --ignore-push-failures web\n"
            + Reconciler.pushes(
                    project,
                    graph,
                    ReconcileOptions.defaults().withServices(Set.of("web")).withNoDeps(true),
                    true)
                .text()
            + "--- push --include-deps web\n"
            + Reconciler.pushes(
                    project, graph, ReconcileOptions.defaults().withServices(Set.of("web")), false)
                .text());
  }

  @Test
  void push_sendsASharedImageThroughTheServiceThatBuildsIt_evenWhenAnotherStartsFirst()
      throws Exception {
    Project project =
        Projects.load(
            directory,
            """
            services:
              migrate:
                image: registry.example:5000/app:1
              web:
                image: registry.example:5000/app:1
                build: ./web
                depends_on: [migrate]
              cache:
                image: redis:7
            """);

    assertGolden(
        "push-shared-image",
        Reconciler.pushes(project, ServiceGraph.of(project), ReconcileOptions.defaults(), false)
            .text());
  }

  @Test
  void build_carriesTheNamedContexts_aServiceContextAsItsImageAndAfterItsBuild() throws Exception {
    Project project =
        Projects.load(
            directory,
            """
            services:
              base:
                build: ./base
              app:
                image: example/app:1
                build:
                  context: ./app
                  additional_contexts:
                    tools: ../tools
                    alpine: docker-image://alpine:3.20
                    base: service:base
            """);
    Reconciliation builds =
        Reconciler.builds(
            project,
            ServiceGraph.of(project),
            ReconcileOptions.defaults(),
            BuildOptions.defaults());
    Reconciliation up =
        Reconciler.images(
            project, ServiceGraph.of(project), ObservedState.empty(), ReconcileOptions.defaults());

    ImageBuild app = builds.plan().operations(BuildImage.class).get(1).build();
    assertThat(builds.plan().operations(BuildImage.class).get(0).serviceName()).isEqualTo("base");
    assertThat(new TreeMap<>(app.additionalContexts()))
        .containsExactly(
            entry("alpine", "docker-image://alpine:3.20"),
            entry("base", "docker-image://demo-base"),
            entry("tools", directory.getParent().resolve("tools").toString()));
    assertThat(PlanText.render(up.plan()))
        .isEqualTo(
            "#1 image demo-base: build (image not found)\n"
                + "#2 image example/app:1: build (image not found) after #1\n");
  }

  @Test
  void build_refusesANamedContextItCannotSend() throws Exception {
    Project project =
        Projects.load(
            directory,
            """
            services:
              app:
                build:
                  context: .
                  additional_contexts:
                    repo: https://github.com/example/repo.git
            """);

    assertThatThrownBy(
            () ->
                Reconciler.builds(
                    project,
                    ServiceGraph.of(project),
                    ReconcileOptions.defaults(),
                    BuildOptions.defaults()))
        .isInstanceOf(ReconcileException.class)
        .hasMessageContaining("service app: build.additional_contexts.repo:")
        .hasMessageContaining("docker-image://");
  }

  /** The plan's text, each build with what it asks of the builder (the context relative). */
  private String builds(Reconciliation reconciliation) {
    var text = new StringBuilder(reconciliation.text());
    for (BuildImage build : reconciliation.plan().operations(BuildImage.class)) {
      ImageBuild spec = build.build();
      text.append("  ")
          .append(build.imageName())
          .append(": context ")
          .append(directory.relativize(spec.context()))
          .append(", tags ")
          .append(spec.tags())
          .append(", args ")
          .append(new TreeMap<>(spec.buildArgs()))
          .append(", labels ")
          .append(new TreeMap<>(spec.labels()))
          .append(", no-cache ")
          .append(spec.noCache())
          .append('\n');
    }
    return text.toString();
  }
}
