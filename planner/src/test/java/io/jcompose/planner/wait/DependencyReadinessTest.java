package io.jcompose.planner.wait;

import static io.jcompose.planner.wait.ReadinessRuntime.onLoopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.project.Dependency.Condition;
import io.jcompose.model.project.ReadinessCheck;
import io.jcompose.planner.plan.WaitForDependency;
import io.jcompose.planner.spi.ContainerStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dependency wait runs the dependency's readiness check once the condition holds. */
class DependencyReadinessTest {

  private static final ReadinessCheck READY_FILE =
      new ReadinessCheck(
          new ReadinessCheck.Command(List.of("test", "-f", "/tmp/ready")),
          Duration.ofSeconds(1),
          Duration.ofSeconds(3));

  private final ReadinessRuntime runtime = new ReadinessRuntime();
  private final FakeClock clock = new FakeClock();
  private final List<String> polls = new ArrayList<>();

  private DependencyWaiter waiter() {
    return new DependencyWaiter(
        runtime,
        FakeContainers.PROJECT,
        clock,
        clock.sleeper(),
        DependencyWaiter.DEFAULT_POLL_INTERVAL,
        Optional.empty(),
        ProbeSettings.LOCAL);
  }

  private static WaitForDependency wait(boolean required) {
    return new WaitForDependency(
        "web", "api", Condition.SERVICE_STARTED, required, Optional.of(READY_FILE));
  }

  @Test
  void started_thenHoldsTheDependentUntilTheCheckPasses() throws InterruptedException {
    runtime.put(FakeContainers.container("api", 1, ContainerStatus.CREATED, Optional.empty()));
    runtime.execExits(1, 1, 0);

    WaitOutcome outcome =
        waiter()
            .await(
                wait(true),
                (serviceName, state) -> {
                  polls.add(state);
                  runtime.put(onLoopback("api"));
                });

    assertThat(outcome).isEqualTo(new WaitOutcome.Satisfied());
    assertThat(polls)
        .containsExactly(
            "container demo-api-1 is created",
            "command test -f /tmp/ready exited with code 1",
            "command test -f /tmp/ready exited with code 1");
    assertThat(clock.sleeps())
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void checkTimeout_failsARequiredDependencyWithTheCheckItsOwnTimeout() {
    runtime.put(onLoopback("api"));

    assertThatThrownBy(() -> waiter().await(wait(true), WaitListener.IGNORE))
        .isInstanceOf(ServiceNotReadyException.class)
        .hasMessage(
            "service \"api\" is not ready: command test -f /tmp/ready exited with code 1"
                + " (after 3s)");
  }

  @Test
  void checkTimeout_ofAnOptionalDependency_isAWarning() throws InterruptedException {
    runtime.put(onLoopback("api"));

    WaitOutcome outcome = waiter().await(wait(false), WaitListener.IGNORE);

    assertThat(outcome)
        .isEqualTo(
            new WaitOutcome.Warning(
                "service web starts without its optional dependency api: service \"api\" is not"
                    + " ready: command test -f /tmp/ready exited with code 1 (after 3s)"));
  }
}
