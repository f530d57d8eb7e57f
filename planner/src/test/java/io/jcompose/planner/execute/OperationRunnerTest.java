package io.jcompose.planner.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.project.Dependency.Condition;
import io.jcompose.planner.plan.BuildImage;
import io.jcompose.planner.plan.CreateVolume;
import io.jcompose.planner.plan.Operation;
import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.plan.PullImage;
import io.jcompose.planner.plan.PushImage;
import io.jcompose.planner.plan.RemoveContainer;
import io.jcompose.planner.plan.RemoveImage;
import io.jcompose.planner.plan.RemoveNetwork;
import io.jcompose.planner.plan.RemoveVolume;
import io.jcompose.planner.plan.StartContainer;
import io.jcompose.planner.plan.StopContainer;
import io.jcompose.planner.plan.WaitForDependency;
import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.VolumeSpec;
import io.jcompose.planner.wait.FakeClock;
import io.jcompose.planner.wait.FakeContainers;
import io.jcompose.planner.wait.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class OperationRunnerTest {

  private final ScriptedRuntime runtime = new ScriptedRuntime();
  private final FakeClock clock = new FakeClock();
  private final RecordingSink sink = new RecordingSink();

  private OperationRunner runner(Sleeper sleeper) {
    var settings =
        new ExecutionSettings(
            FakeContainers.PROJECT, 1, clock, sleeper, Duration.ofMillis(500), Optional.empty());
    return new OperationRunner(runtime, settings, sink);
  }

  @Test
  void aWait_handsItsPermitBackWhileItSleepsAndHoldsItAgainAfterwards()
      throws InterruptedException {
    runtime.put(
        FakeContainers.container("db", 1, ContainerStatus.RUNNING, Optional.of(Health.STARTING)));
    var permits = new Semaphore(1);
    var freeWhileSleeping = new ArrayList<Integer>();
    Sleeper sleeper =
        duration -> {
          freeWhileSleeping.add(permits.availablePermits());
          runtime.put(
              FakeContainers.container(
                  "db", 1, ContainerStatus.RUNNING, Optional.of(Health.HEALTHY)));
        };
    var permit = new Permit(permits);
    permit.acquire();
    var node =
        new PlanNode(
            1, new WaitForDependency("web", "db", Condition.SERVICE_HEALTHY, true), "", Set.of());

    runner(sleeper).run(node, permit);

    assertThat(freeWhileSleeping).containsExactly(1);
    assertThat(permits.availablePermits()).isZero();
    permit.release();
    assertThat(permits.availablePermits()).isEqualTo(1);
  }

  private void run(Operation operation) throws InterruptedException {
    var permit = new Permit(new Semaphore(1));
    permit.acquire();
    runner(clock.sleeper()).run(new PlanNode(1, operation, "", Set.of()), permit);
  }

  @Test
  void removingOrStoppingWhatIsGone_succeeds() throws InterruptedException {
    var gone = new RuntimeFault.NotFound("no such object");
    runtime
        .fails("stop demo-old-1", gone)
        .fails("remove demo-old-1", gone)
        .fails("remove network demo_old", gone)
        .fails("remove volume demo_data", gone)
        .fails("remove image demo-web", gone);

    run(new StopContainer("old", "demo-old-1", Optional.empty()));
    run(new RemoveContainer("old", "demo-old-1", true));
    run(new RemoveNetwork("old", "demo_old"));
    run(new RemoveVolume("data", "demo_data"));
    run(new RemoveImage("web", "demo-web"));

    assertThat(runtime.calls())
        .containsExactly(
            "stop demo-old-1",
            "remove demo-old-1",
            "remove network demo_old",
            "remove volume demo_data",
            "remove image demo-web");
    assertThat(sink.events()).isEmpty();
  }

  @Test
  void creatingAVolumeThatExists_succeeds() throws InterruptedException {
    runtime.fails("create volume demo_data", new RuntimeFault.AlreadyExists("volume exists"));

    run(new CreateVolume("data", VolumeSpec.named("demo_data", Map.of())));

    assertThat(runtime.calls()).containsExactly("create volume demo_data");
  }

  @Test
  void removingANetworkStillInUse_isAWarningNotAFailure() throws InterruptedException {
    runtime.fails(
        "remove network demo_default", new RuntimeFault.Conflict("network has active endpoints"));

    run(new RemoveNetwork("default", "demo_default"));

    assertThat(sink.lines()).containsExactly("Warning: network demo_default is still in use");
  }

  @Test
  void removingAVolumeStillInUse_fails() {
    runtime.fails("remove volume demo_data", new RuntimeFault.Conflict("volume is in use"));

    assertThatThrownBy(() -> run(new RemoveVolume("data", "demo_data")))
        .isInstanceOf(RuntimeFault.Conflict.class);
  }

  @Test
  void pullsAndBuilds_reportTheirProgressAsImageEvents() throws InterruptedException {
    run(new PullImage("db", "postgres:17", Optional.empty()));
    run(
        new BuildImage(
            "web",
            "demo-web",
            new ImageBuild(
                Path.of("."),
                "Dockerfile",
                List.of("demo-web"),
                Map.of(),
                Optional.empty(),
                Map.of(),
                false,
                false)));

    assertThat(sink.lines())
        .containsExactly("Image #1: Downloading", "Image #1: Pull complete", "Image #1: Step 1/1");
  }

  @Test
  void aPullWhoseFailureIsIgnored_reportsItAsAWarning() throws InterruptedException {
    runtime.fails("pull example/web:1", new RuntimeFault.NotFound("manifest unknown"));

    assertThatThrownBy(() -> run(new PullImage("web", "example/web:1", Optional.empty(), false)))
        .isInstanceOf(RuntimeFault.NotFound.class);
    run(new PullImage("web", "example/web:1", Optional.empty(), true));

    assertThat(sink.lines())
        .containsExactly("Warning: pulling web (example/web:1): manifest unknown");
  }

  @Test
  void aPush_reportsItsProgress_andFailsUnlessItsFailuresAreIgnored() throws InterruptedException {
    run(new PushImage("web", "registry.example/web:1", false));
    runtime.fails("push registry.example/web:2", new RuntimeFault.Unauthenticated("unauthorized"));

    assertThatThrownBy(() -> run(new PushImage("web", "registry.example/web:2", false)))
        .isInstanceOf(RuntimeFault.Unauthenticated.class);
    run(new PushImage("web", "registry.example/web:2", true));

    assertThat(sink.lines())
        .containsExactly(
            "Image #1: Pushing",
            "Image #1: Pushed",
            "Warning: pushing web (registry.example/web:2): unauthorized");
  }

  @Test
  void failureMessage_namesTheResourceTheActionAndTheRuntimeReason() {
    var node = new PlanNode(1, new StartContainer("db", "demo-db-1"), "", Set.of());

    assertThat(
            OperationRunner.failureMessage(
                node, new RuntimeFault.Conflict("port 5432 is already allocated")))
        .isEqualTo("container demo-db-1: start failed: port 5432 is already allocated");
    assertThat(OperationRunner.failureMessage(node, new IllegalStateException()))
        .isEqualTo("container demo-db-1: start failed: IllegalStateException");
  }

  @Test
  void aPermit_isGivenBackOnlyOnce() throws InterruptedException {
    var permits = new Semaphore(2);
    var permit = new Permit(permits);
    permit.acquire();

    permit.release();
    permit.release();

    assertThat(permits.availablePermits()).isEqualTo(2);
  }
}
