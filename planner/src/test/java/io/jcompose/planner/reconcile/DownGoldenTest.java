package io.jcompose.planner.reconcile;

import static io.jcompose.planner.reconcile.GoldenPlanTest.STACK;
import static io.jcompose.planner.reconcile.GoldenPlanTest.assertGolden;

import io.jcompose.model.project.Project;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.observe.ObservedState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plans of {@code down}, pinned as text. */
class DownGoldenTest {

  @TempDir Path directory;

  @Test
  void down_stopsDependentsBeforeTheirDependenciesThenRemovesTheNetwork() throws Exception {
    Project project = Projects.load(directory, STACK);

    assertGolden("down", down(project, Snapshots.after(project), DownOptions.defaults()));
  }

  @Test
  void downWithVolumesImagesAndTimeout_removesNamedVolumesAndLocalImagesButNotExternalOnes()
      throws Exception {
    String yaml =
        STACK.replace("image: example/worker:1", "build: ./worker")
            + """
              shared:
                external: true
                name: company-shared
            networks:
              outside:
                external: true
            """;
    Project project =
        Projects.load(
            directory,
            yaml.replace(
                "  cache:\n    image: redis:7\n",
                "  cache:\n    image: redis:7\n    networks: [default, outside]\n    volumes:\n      - shared:/shared\n"));
    ObservedState observed = Snapshots.after(project);

    assertGolden(
        "down-volumes-rmi",
        down(
            project,
            observed,
            new DownOptions(
                Optional.of(Duration.ofSeconds(3)), true, Optional.of("local"), false)));
  }

  @Test
  void downWithOrphans_removesThemOnlyWhenAsked() throws Exception {
    Project before =
        Projects.load(
            directory,
            STACK.replace(
                "volumes:\n  data:", "  legacy:\n    image: example/legacy:1\nvolumes:\n  data:"));
    Project now = Projects.load(directory, STACK);

    assertGolden(
        "down-orphans",
        "# down\n"
            + down(now, Snapshots.after(before), DownOptions.defaults())
            + "# down --remove-orphans\n"
            + down(
                now,
                Snapshots.after(before),
                new DownOptions(Optional.empty(), false, Optional.empty(), true)));
  }

  private static String down(Project project, ObservedState observed, DownOptions options) {
    return Reconciler.down(project, ServiceGraph.of(project), observed, options).text();
  }
}
