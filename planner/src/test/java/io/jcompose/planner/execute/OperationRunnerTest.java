package io.jcompose.planner.execute;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.project.Dependency.Condition;
import io.jcompose.planner.event.EventSink;
import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.plan.StartContainer;
import io.jcompose.planner.plan.WaitForDependency;
import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.wait.FakeClock;
import io.jcompose.planner.wait.FakeContainers;
import io.jcompose.planner.wait.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class OperationRunnerTest {

  private final ScriptedRuntime runtime = new ScriptedRuntime();
  private final FakeClock clock = new FakeClock();

  private OperationRunner runner(Sleeper sleeper) {
    var settings =
        new ExecutionSettings(
            FakeContainers.PROJECT, 1, clock, sleeper, Duration.ofMillis(500), Optional.empty());
    return new OperationRunner(runtime, settings, EventSink.DISCARD);
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
