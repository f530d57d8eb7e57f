package io.jcompose.planner.reconcile;

import static io.jcompose.planner.reconcile.GoldenPlanTest.STACK;
import static io.jcompose.planner.reconcile.GoldenPlanTest.assertGolden;
import static io.jcompose.planner.reconcile.GoldenPlanTest.up;

import io.jcompose.model.project.Project;
import io.jcompose.planner.observe.ObservedState;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recreate flags and service selection of {@code up}, pinned as plan text. */
class RecreatePolicyGoldenTest {

  @TempDir Path directory;

  @Test
  void forceRecreate_replacesTheNamedServiceEvenWhenNothingChanged() throws Exception {
    Project project = Projects.load(directory, STACK);

    assertGolden(
        "force-recreate",
        up(
            project,
            Snapshots.after(project),
            ReconcileOptions.defaults()
                .withServices(Set.of("migrate"))
                .withRecreate(RecreatePolicy.FORCE, RecreatePolicy.DIVERGED)));
  }

  @Test
  void alwaysRecreateDeps_replacesTheDependenciesOfTheNamedServiceToo() throws Exception {
    Project project = Projects.load(directory, STACK);

    assertGolden(
        "always-recreate-deps",
        up(
            project,
            Snapshots.after(project),
            ReconcileOptions.defaults()
                .withServices(Set.of("migrate"))
                .withRecreate(RecreatePolicy.DIVERGED, RecreatePolicy.FORCE)));
  }

  @Test
  void noRecreate_leavesDivergedContainersAlone() throws Exception {
    Project before = Projects.load(directory, STACK);
    Project after = Projects.load(directory, STACK.replace("GREETING: hello", "GREETING: bonjour"));

    assertGolden(
        "no-recreate",
        up(
            after,
            Snapshots.after(before),
            ReconcileOptions.defaults().withRecreate(RecreatePolicy.NEVER, RecreatePolicy.NEVER)));
  }

  @Test
  void namedServiceWithNoDeps_touchesOnlyThatService() throws Exception {
    Project project = Projects.load(directory, STACK);

    assertGolden(
        "no-deps",
        up(
            project,
            ObservedState.empty(),
            ReconcileOptions.defaults().withServices(Set.of("web")).withNoDeps(true)));
  }

  @Test
  void namedService_bringsUpItsDependenciesButNotOtherServices() throws Exception {
    Project project = Projects.load(directory, STACK);

    assertGolden(
        "named-service",
        up(
            project,
            ObservedState.empty(),
            ReconcileOptions.defaults().withServices(Set.of("web"))));
  }

  @Test
  void noStart_createsWithoutStartingOrWaiting() throws Exception {
    Project project = Projects.load(directory, STACK);

    assertGolden(
        "no-start",
        up(project, ObservedState.empty(), ReconcileOptions.defaults().withNoStart(true)));
  }

  @Test
  void recreatedNetworkNamespaceParent_recreatesTheServicesSharingIt() throws Exception {
    String yaml =
        """
        services:
          vpn:
            image: example/vpn:1
          app:
            image: example/app:1
            network_mode: service:vpn
          sidecar:
            image: busybox
            volumes_from:
              - app:ro
        """;
    Project before = Projects.load(directory, yaml);
    Project after = Projects.load(directory, yaml.replace("example/vpn:1", "example/vpn:2"));

    assertGolden(
        "namespace-parent", up(after, Snapshots.after(before), ReconcileOptions.defaults()));
  }

  @Test
  void stoppedContainersOfAnUnchangedProject_areStartedAgain() throws Exception {
    Project project = Projects.load(directory, STACK);
    ObservedState stopped =
        Snapshots.editContainer(
            Snapshots.after(project),
            "demo-db-1",
            container ->
                Snapshots.withStatus(container, io.jcompose.planner.spi.ContainerStatus.EXITED));

    assertGolden("restart-stopped", up(project, stopped, ReconcileOptions.defaults()));
  }
}
