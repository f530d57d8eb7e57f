package io.jcompose.planner.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.project.Project;
import io.jcompose.planner.graph.DependencyCycleException;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.spi.ContainerStatus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plans {@code up --dry-run} prints, pinned as text in {@code src/test/resources/plans}. Run
 * with {@code -Djcompose.updateGolden=true} to rewrite them after a deliberate change, then review
 * the diff.
 */
class GoldenPlanTest {

  static final String STACK =
      """
      services:
        db:
          image: postgres:16
          environment:
            POSTGRES_PASSWORD: secret
          volumes:
            - data:/var/lib/postgresql/data
          healthcheck:
            test: ["CMD-SHELL", "pg_isready"]
            interval: 1s
        migrate:
          image: example/migrate:1
          depends_on:
            db:
              condition: service_healthy
        web:
          image: example/web:1
          ports:
            - "8080:80"
          environment:
            GREETING: hello
          depends_on:
            db:
              condition: service_healthy
            migrate:
              condition: service_completed_successfully
        worker:
          image: example/worker:1
          depends_on:
            web:
              condition: service_started
              restart: true
        cache:
          image: redis:7
      volumes:
        data:
      """;

  @TempDir Path directory;

  @Test
  void freshUp_createsNetworkVolumeAndEveryContainerInDependencyOrder() throws Exception {
    Project project = load(STACK);

    assertGolden("fresh-up", up(project, ObservedState.empty(), ReconcileOptions.defaults()));
  }

  @Test
  void secondUp_withNothingChanged_isAnEmptyPlan() throws Exception {
    Project project = load(STACK);

    assertGolden(
        "nothing-changed", up(project, Snapshots.after(project), ReconcileOptions.defaults()));
  }

  @Test
  void environmentChange_recreatesOnlyThatServiceAndRestartsItsRestartTrueDependents()
      throws Exception {
    Project before = load(STACK);
    Project after = load(STACK.replace("GREETING: hello", "GREETING: bonjour"));

    assertGolden(
        "environment-changed", up(after, Snapshots.after(before), ReconcileOptions.defaults()));
  }

  @Test
  void newImageUnderTheSameReference_recreatesTheServicesThatRunIt() throws Exception {
    Project project = load(STACK);
    ObservedState observed = Snapshots.after(project);
    var images = new java.util.LinkedHashMap<>(observed.images());
    images.put("redis:7", Snapshots.image("redis:7 pulled again"));

    assertGolden(
        "image-changed", up(project, observed.withImages(images), ReconcileOptions.defaults()));
  }

  @Test
  void scaleUp_addsReplicasAfterTheHighestNumber() throws Exception {
    Project project = load(STACK);

    assertGolden(
        "scale-up",
        up(
            project,
            Snapshots.after(project),
            ReconcileOptions.defaults().withScale(Map.of("worker", 3))));
  }

  @Test
  void scaleDown_removesTheHighestNumbersFirst() throws Exception {
    Project three =
        load(STACK.replace("image: example/worker:1", "image: example/worker:1\n    scale: 4"));
    Project one = load(STACK);

    assertGolden("scale-down", up(one, Snapshots.after(three), ReconcileOptions.defaults()));
  }

  @Test
  void orphan_isReportedAndRemovedOnlyWithRemoveOrphans() throws Exception {
    Project before =
        load(
            STACK.replace(
                "volumes:\n  data:", "  legacy:\n    image: example/legacy:1\nvolumes:\n  data:"));
    Project now = load(STACK);

    String kept = up(now, Snapshots.after(before), ReconcileOptions.defaults());
    String removed =
        up(now, Snapshots.after(before), ReconcileOptions.defaults().withRemoveOrphans(true));

    assertGolden("orphan", "# up\n" + kept + "# up --remove-orphans\n" + removed);
  }

  @Test
  void oneShotService_isWaitedForUntilItCompletedSuccessfully() throws Exception {
    Project project =
        load(
            """
            services:
              init:
                image: busybox
                command: ["sh", "-c", "echo ready > /shared/flag"]
                volumes:
                  - shared:/shared
              app:
                image: busybox
                command: ["sleep", "infinity"]
                volumes:
                  - shared:/shared
                depends_on:
                  init:
                    condition: service_completed_successfully
            volumes:
              shared:
            """);
    ObservedState firstRun =
        Snapshots.editContainer(
            Snapshots.after(project),
            "demo-init-1",
            container -> Snapshots.withStatus(container, ContainerStatus.EXITED));

    assertGolden(
        "one-shot",
        "# first up\n"
            + up(project, ObservedState.empty(), ReconcileOptions.defaults())
            + "# second up: init exited 0, so its work is done and it is left alone\n"
            + up(project, firstRun, ReconcileOptions.defaults()));
  }

  @Test
  void dependencyCycle_isAnErrorNamingEveryServiceOnIt() throws Exception {
    Project project =
        load(
            """
            services:
              web:
                image: busybox
                depends_on: [api]
              api:
                image: busybox
                depends_on: [db]
              db:
                image: busybox
                depends_on: [web]
            """,
            new LoadOptions.Stages(true, true, true, false));

    assertThatThrownBy(() -> ServiceGraph.of(project))
        .isInstanceOfSatisfying(
            DependencyCycleException.class,
            cycle -> {
              try {
                assertGolden("cycle", cycle.getMessage() + "\n");
              } catch (IOException | URISyntaxException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void profileDisabledOptionalDependency_isLeftOutWithAWarning() throws Exception {
    String yaml =
        """
        services:
          web:
            image: busybox
            depends_on:
              db:
                condition: service_healthy
              metrics:
                condition: service_started
                required: false
          db:
            image: postgres:16
            healthcheck:
              test: ["CMD-SHELL", "pg_isready"]
          metrics:
            image: prom/prometheus
            profiles: [monitoring]
        """;
    Project project = load(yaml);

    assertGolden(
        "profile-disabled", up(project, ObservedState.empty(), ReconcileOptions.defaults()));
    assertThatThrownBy(
            () ->
                up(
                    project,
                    ObservedState.empty(),
                    ReconcileOptions.defaults().withServices(Set.of("metrics"))))
        .isInstanceOf(ReconcileException.class)
        .hasMessage("service \"metrics\" is disabled by its profiles; enable one with --profile");
  }

  @Test
  void oneOffContainers_areNotReplicas_andExitedOnesAreOrphans() throws Exception {
    Project project = load(STACK);
    ObservedState observed = Snapshots.after(project);
    var containers = new java.util.ArrayList<>(observed.containers());
    containers.add(Snapshots.oneOff(project, "web", "a1b2c3d4e5f6a7b8", ContainerStatus.RUNNING));
    containers.add(Snapshots.oneOff(project, "web", "0f0f0f0f0f0f0f0f", ContainerStatus.EXITED));
    var withOneOffs =
        new ObservedState(containers, observed.networks(), observed.volumes(), observed.images());

    assertGolden(
        "one-off",
        "# up\n"
            + up(project, withOneOffs, ReconcileOptions.defaults())
            + "# up --remove-orphans\n"
            + up(project, withOneOffs, ReconcileOptions.defaults().withRemoveOrphans(true)));
  }

  @Test
  void configHashes_arePinnedSoARefactorCannotRecreateEveryContainer() throws Exception {
    Project project = load(STACK);
    var text = new StringBuilder();
    project
        .services()
        .values()
        .forEach(
            service ->
                text.append(service.name()).append(' ').append(service.configHash()).append('\n'));

    assertGolden("config-hashes", text.toString());
  }

  private Project load(String yaml) {
    return Projects.load(directory, yaml);
  }

  private Project load(String yaml, LoadOptions.Stages stages) {
    return Projects.load(directory, yaml, stages);
  }

  static String up(Project project, ObservedState observed, ReconcileOptions options) {
    ServiceGraph graph = ServiceGraph.of(project);
    return Reconciler.up(project, graph, observed, options).text();
  }

  static void assertGolden(String name, String actual) throws IOException, URISyntaxException {
    Path source = Path.of("src/test/resources/plans", name + ".txt");
    if (Boolean.getBoolean("jcompose.updateGolden")) {
      Files.createDirectories(source.getParent());
      Files.writeString(source, actual, StandardCharsets.UTF_8);
    }
    var resource = GoldenPlanTest.class.getResource("/plans/" + name + ".txt");
    String expected =
        Boolean.getBoolean("jcompose.updateGolden") || resource == null
            ? Files.exists(source) ? Files.readString(source, StandardCharsets.UTF_8) : null
            : Files.readString(Path.of(resource.toURI()), StandardCharsets.UTF_8);
    assertThat(expected)
        .as("golden plan " + source + " (run with -Djcompose.updateGolden=true)")
        .isNotNull();
    assertThat(actual).isEqualTo(expected);
  }
}
