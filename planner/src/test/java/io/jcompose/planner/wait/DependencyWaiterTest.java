package io.jcompose.planner.wait;

import static io.jcompose.planner.wait.FakeContainers.container;
import static io.jcompose.planner.wait.FakeContainers.exited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.project.Dependency.Condition;
import io.jcompose.planner.plan.WaitForDependency;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DependencyWaiterTest {

  private static final Optional<Health> STARTING = Optional.of(Health.STARTING);
  private static final Optional<Health> HEALTHY = Optional.of(Health.HEALTHY);
  private static final Optional<Health> UNHEALTHY = Optional.of(Health.UNHEALTHY);

  private final FakeContainers runtime = new FakeContainers();
  private final FakeClock clock = new FakeClock();
  private final List<String> polls = new ArrayList<>();

  private DependencyWaiter waiter(Optional<Duration> timeout) {
    return new DependencyWaiter(
        runtime,
        FakeContainers.PROJECT,
        clock,
        clock.sleeper(),
        DependencyWaiter.DEFAULT_POLL_INTERVAL,
        timeout);
  }

  private static WaitForDependency wait(Condition condition, boolean required) {
    return new WaitForDependency("web", "db", condition, required);
  }

  /** A listener that records each poll and, at poll {@code step}, puts {@code next}. */
  private WaitListener becomes(int step, ContainerDetails next) {
    return (serviceName, state) -> {
      polls.add(serviceName + ": " + state);
      if (polls.size() == step) {
        runtime.put(next);
      }
    };
  }

  @Test
  void healthy_keepsPollingWhileStartingAndSucceedsOnceHealthy() throws InterruptedException {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, STARTING));

    WaitOutcome outcome =
        waiter(Optional.empty())
            .await(
                wait(Condition.SERVICE_HEALTHY, true),
                becomes(2, container("db", 1, ContainerStatus.RUNNING, HEALTHY)));

    assertThat(outcome).isEqualTo(new WaitOutcome.Satisfied());
    assertThat(polls)
        .containsExactly(
            "db: container demo-db-1 is running, health: starting",
            "db: container demo-db-1 is running, health: starting");
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void healthy_waitsForEveryReplicaAndReportsOnlyTheOnesNotReady() throws InterruptedException {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, HEALTHY));
    runtime.put(container("db", 2, ContainerStatus.RUNNING, STARTING));

    waiter(Optional.empty())
        .await(
            wait(Condition.SERVICE_HEALTHY, true),
            becomes(1, container("db", 2, ContainerStatus.RUNNING, HEALTHY)));

    assertThat(polls).containsExactly("db: container demo-db-2 is running, health: starting");
  }

  @Test
  void healthy_failsNamingTheDependencyWhenItIsUnhealthy() {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, UNHEALTHY));

    assertThatThrownBy(
            () ->
                waiter(Optional.empty())
                    .await(wait(Condition.SERVICE_HEALTHY, true), WaitListener.IGNORE))
        .isInstanceOf(ServiceFailedException.class)
        .hasMessage("dependency failed to start: service db is unhealthy (container demo-db-1)")
        .satisfies(
            thrown -> assertThat(((ServiceFailedException) thrown).serviceName()).isEqualTo("db"));
  }

  @Test
  void healthy_failsWhenTheDependencyExited() {
    runtime.put(exited("db", 1, 1));

    assertThatThrownBy(
            () ->
                waiter(Optional.empty())
                    .await(wait(Condition.SERVICE_HEALTHY, true), WaitListener.IGNORE))
        .hasMessage(
            "dependency failed to start: service db exited with code 1 (container demo-db-1)");
  }

  @Test
  void healthy_failsWhenTheDependencyHasNoHealthcheck() {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, Optional.empty()));

    assertThatThrownBy(
            () ->
                waiter(Optional.empty())
                    .await(wait(Condition.SERVICE_HEALTHY, true), WaitListener.IGNORE))
        .hasMessage(
            "dependency failed to start: service db has no healthcheck (container demo-db-1)");
  }

  @Test
  void healthy_ignoresOneOffContainersOfTheDependency() throws InterruptedException {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, HEALTHY));
    runtime.put(container("db", 7, ContainerStatus.EXITED, Optional.empty(), 1, true));

    assertThat(
            waiter(Optional.empty())
                .await(wait(Condition.SERVICE_HEALTHY, true), WaitListener.IGNORE))
        .isEqualTo(new WaitOutcome.Satisfied());
  }

  @Test
  void completedSuccessfully_waitsForAnExitAndAcceptsCodeZero() throws InterruptedException {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, Optional.empty()));

    WaitOutcome outcome =
        waiter(Optional.empty())
            .await(
                wait(Condition.SERVICE_COMPLETED_SUCCESSFULLY, true),
                becomes(3, exited("db", 1, 0)));

    assertThat(outcome).isEqualTo(new WaitOutcome.Satisfied());
    assertThat(polls)
        .hasSize(3)
        .allMatch(poll -> poll.equals("db: container demo-db-1 is running"));
  }

  @Test
  void completedSuccessfully_failsWithTheExitCode() {
    runtime.put(exited("db", 1, 3));

    assertThatThrownBy(
            () ->
                waiter(Optional.empty())
                    .await(
                        wait(Condition.SERVICE_COMPLETED_SUCCESSFULLY, true), WaitListener.IGNORE))
        .isInstanceOf(ServiceFailedException.class)
        .hasMessage("service db didn't complete successfully: exit 3");
  }

  @Test
  void started_waitsForACreatedContainerAndAcceptsOneThatAlreadyExited()
      throws InterruptedException {
    runtime.put(container("db", 1, ContainerStatus.CREATED, Optional.empty()));

    WaitOutcome outcome =
        waiter(Optional.empty())
            .await(wait(Condition.SERVICE_STARTED, true), becomes(1, exited("db", 1, 0)));

    assertThat(outcome).isEqualTo(new WaitOutcome.Satisfied());
    assertThat(polls).containsExactly("db: container demo-db-1 is created");
  }

  @Test
  void optionalDependency_thatFails_isAWarningAndTheWaitSucceeds() throws InterruptedException {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, UNHEALTHY));

    WaitOutcome outcome =
        waiter(Optional.empty()).await(wait(Condition.SERVICE_HEALTHY, false), WaitListener.IGNORE);

    assertThat(outcome)
        .isEqualTo(
            new WaitOutcome.Warning(
                "service web starts without its optional dependency db: dependency failed to"
                    + " start: service db is unhealthy (container demo-db-1)"));
  }

  @Test
  void optionalDependency_withoutContainers_isAWarning() throws InterruptedException {
    WaitOutcome outcome =
        waiter(Optional.empty()).await(wait(Condition.SERVICE_HEALTHY, false), WaitListener.IGNORE);

    assertThat(outcome)
        .isEqualTo(
            new WaitOutcome.Warning(
                "service web starts without its optional dependency db: service db has no"
                    + " containers"));
  }

  @Test
  void requiredDependency_withoutContainers_isNotWaitedFor() throws InterruptedException {
    WaitOutcome outcome =
        waiter(Optional.of(Duration.ofSeconds(1)))
            .await(wait(Condition.SERVICE_HEALTHY, true), WaitListener.IGNORE);

    assertThat(outcome).isEqualTo(new WaitOutcome.NothingToWaitFor("service db has no containers"));
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void timeout_namesTheDependencyAndTheStateItWasIn() {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, STARTING));

    assertThatThrownBy(
            () ->
                waiter(Optional.of(Duration.ofSeconds(30)))
                    .await(wait(Condition.SERVICE_HEALTHY, true), WaitListener.IGNORE))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessage(
            "timed out after 30s waiting for service db to be healthy: container demo-db-1 is"
                + " running, health: starting");
    assertThat(clock.sleeps()).hasSize(60);
  }

  @Test
  void timeout_shortensTheLastSleepToTheDeadline() {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, STARTING));
    var waiter =
        new DependencyWaiter(
            runtime,
            FakeContainers.PROJECT,
            clock,
            clock.sleeper(),
            Duration.ofMillis(400),
            Optional.of(Duration.ofSeconds(1)));

    assertThatThrownBy(
            () -> waiter.await(wait(Condition.SERVICE_HEALTHY, true), WaitListener.IGNORE))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessageStartingWith("timed out after 1s waiting for service db");
    assertThat(clock.sleeps())
        .containsExactly(Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofMillis(200));
  }

  @Test
  void interruption_whileSleepingEndsTheWait() {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, STARTING));
    var waiter =
        new DependencyWaiter(
            runtime,
            FakeContainers.PROJECT,
            clock,
            duration -> {
              throw new InterruptedException("stop");
            },
            DependencyWaiter.DEFAULT_POLL_INTERVAL,
            Optional.empty());

    assertThatThrownBy(
            () -> waiter.await(wait(Condition.SERVICE_HEALTHY, true), WaitListener.IGNORE))
        .isInstanceOf(InterruptedException.class);
  }
}
