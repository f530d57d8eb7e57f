package io.jcompose.cli.render.progress;

import io.jcompose.model.project.Dependency;
import io.jcompose.planner.plan.BuildImage;
import io.jcompose.planner.plan.CreateContainer;
import io.jcompose.planner.plan.CreateNetwork;
import io.jcompose.planner.plan.CreateVolume;
import io.jcompose.planner.plan.Operation;
import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.plan.PullImage;
import io.jcompose.planner.plan.RemoveContainer;
import io.jcompose.planner.plan.RemoveImage;
import io.jcompose.planner.plan.RemoveNetwork;
import io.jcompose.planner.plan.RemoveVolume;
import io.jcompose.planner.plan.RenameContainer;
import io.jcompose.planner.plan.StartContainer;
import io.jcompose.planner.plan.StopContainer;
import io.jcompose.planner.plan.WaitForDependency;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.NetworkSpec;
import io.jcompose.planner.spi.VolumeSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Plan nodes of a small {@code demo} project, one per operation kind, for the renderer tests. */
final class Nodes {

  static final PlanNode NETWORK =
      node(1, new CreateNetwork("default", NetworkSpec.named("demo_default", Map.of())));
  static final PlanNode VOLUME =
      node(2, new CreateVolume("data", VolumeSpec.named("demo_data", Map.of())));
  static final PlanNode PULL = node(3, new PullImage("db", "postgres:16", Optional.empty()));
  static final PlanNode BUILD =
      node(
          4,
          new BuildImage(
              "web",
              "demo-web",
              new ImageBuild(
                  Path.of("/src/web"),
                  "Dockerfile",
                  List.of("demo-web"),
                  Map.of(),
                  Optional.empty(),
                  Map.of(),
                  false,
                  false)));
  static final PlanNode CREATE_DB =
      node(
          5,
          new CreateContainer("db", ContainerSpec.simple("demo-db-1", "postgres:16", List.of())));
  static final PlanNode START_DB = node(6, new StartContainer("db", "demo-db-1"));
  static final PlanNode WAIT_DB =
      node(7, new WaitForDependency("web", "db", Dependency.Condition.SERVICE_HEALTHY, true));
  static final PlanNode CREATE_WEB =
      node(
          8, new CreateContainer("web", ContainerSpec.simple("demo-web-1", "demo-web", List.of())));
  static final PlanNode START_WEB = node(9, new StartContainer("web", "demo-web-1"));
  static final PlanNode STOP_WEB =
      node(10, new StopContainer("web", "demo-web-1", Optional.of(Duration.ofSeconds(10))));
  static final PlanNode REMOVE_WEB = node(11, new RemoveContainer("web", "demo-web-1", false));
  static final PlanNode RENAME_WEB =
      node(12, new RenameContainer("web", "1a2b3c_demo-web-1", "demo-web-1"));
  static final PlanNode REMOVE_NETWORK = node(13, new RemoveNetwork("default", "demo_default"));
  static final PlanNode REMOVE_VOLUME = node(14, new RemoveVolume("data", "demo_data"));
  static final PlanNode REMOVE_IMAGE = node(15, new RemoveImage("web", "demo-web"));

  private Nodes() {}

  private static PlanNode node(int id, Operation operation) {
    return new PlanNode(id, operation, "", Set.of());
  }

  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  /** A clock that moves on by {@code step} at each reading. */
  static Clock ticking(Duration step) {
    return new Clock() {
      private Instant now = START;

      @Override
      public synchronized Instant instant() {
        Instant reading = now;
        now = now.plus(step);
        return reading;
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
  }
}
