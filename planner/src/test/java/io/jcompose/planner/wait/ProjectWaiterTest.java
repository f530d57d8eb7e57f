package io.jcompose.planner.wait;

import static io.jcompose.planner.wait.FakeContainers.container;
import static io.jcompose.planner.wait.FakeContainers.exited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProjectWaiterTest {

  private final FakeContainers runtime = new FakeContainers();
  private final FakeClock clock = new FakeClock();
  private final List<String> polls = new ArrayList<>();

  private ProjectWaiter waiter(Optional<Duration> timeout) {
    return new ProjectWaiter(
        runtime,
        FakeContainers.PROJECT,
        clock,
        clock.sleeper(),
        DependencyWaiter.DEFAULT_POLL_INTERVAL,
        timeout);
  }

  @Test
  void waitsUntilRunningServicesRunHealthyOnesAreHealthyAndOneShotsExitedZero()
      throws InterruptedException {
    runtime.put(container("web", 1, ContainerStatus.RUNNING, Optional.empty()));
    runtime.put(container("db", 1, ContainerStatus.RUNNING, Optional.of(Health.STARTING)));
    runtime.put(container("init", 1, ContainerStatus.RUNNING, Optional.empty()));

    waiter(Optional.empty())
        .await(
            List.of("web", "db", "init"),
            Set.of("init"),
            (serviceName, state) -> {
              polls.add(serviceName + ": " + state);
              if (polls.size() == 2) {
                runtime.put(exited("init", 1, 0));
              } else if (polls.size() == 3) {
                runtime.put(
                    container("db", 1, ContainerStatus.RUNNING, Optional.of(Health.HEALTHY)));
              }
            });

    assertThat(polls)
        .containsExactly(
            "db: container demo-db-1 is running, health: starting",
            "init: container demo-init-1 is running",
            "db: container demo-db-1 is running, health: starting");
    assertThat(clock.sleeps()).hasSize(2);
  }

  @Test
  void aServiceReportedWaiting_isReportedReadyOnce_andOneReadyAtOnceIsNotReported()
      throws InterruptedException {
    runtime.put(container("web", 1, ContainerStatus.RUNNING, Optional.empty()));
    runtime.put(container("db", 1, ContainerStatus.RUNNING, Optional.of(Health.STARTING)));
    var heard = new ArrayList<String>();

    waiter(Optional.empty())
        .await(
            List.of("web", "db"),
            Set.of(),
            new WaitListener() {
              @Override
              public void waiting(String serviceName, String state) {
                heard.add(serviceName + " waiting");
                runtime.put(
                    container("db", 1, ContainerStatus.RUNNING, Optional.of(Health.HEALTHY)));
              }

              @Override
              public void ready(String serviceName) {
                heard.add(serviceName + " ready");
              }
            });

    assertThat(heard).containsExactly("db waiting", "db ready");
  }

  @Test
  void aServiceThatExited_failsUnlessItIsAOneShot() {
    runtime.put(exited("migrate", 1, 0));

    assertThatThrownBy(
            () -> waiter(Optional.empty()).await(List.of("migrate"), Set.of(), WaitListener.IGNORE))
        .isInstanceOf(ServiceFailedException.class)
        .hasMessage("service migrate exited with code 0 (container demo-migrate-1)");
  }

  @Test
  void anUnhealthyService_failsNamingIt() {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, Optional.of(Health.UNHEALTHY)));

    assertThatThrownBy(
            () -> waiter(Optional.empty()).await(List.of("db"), Set.of(), WaitListener.IGNORE))
        .hasMessage("service db is unhealthy (container demo-db-1)");
  }

  @Test
  void aOneShotThatFailed_failsWithItsExitCode() {
    runtime.put(exited("init", 1, 2));

    assertThatThrownBy(
            () ->
                waiter(Optional.empty())
                    .await(List.of("init"), Set.of("init"), WaitListener.IGNORE))
        .hasMessage("service init didn't complete successfully: exit 2");
  }

  @Test
  void servicesWithoutContainers_areNotWaitedFor() throws InterruptedException {
    waiter(Optional.of(Duration.ofSeconds(5)))
        .await(List.of("scaled-to-zero"), Set.of(), WaitListener.IGNORE);

    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void timeout_namesEveryServiceStillNotReady() {
    runtime.put(container("web", 1, ContainerStatus.CREATED, Optional.empty()));
    runtime.put(container("db", 1, ContainerStatus.RUNNING, Optional.of(Health.STARTING)));
    runtime.put(container("cache", 1, ContainerStatus.RUNNING, Optional.empty()));

    assertThatThrownBy(
            () ->
                waiter(Optional.of(Duration.ofSeconds(2)))
                    .await(List.of("web", "db", "cache"), Set.of(), WaitListener.IGNORE))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessage(
            "timed out after 2s waiting for services db, web to be ready: service db: container"
                + " demo-db-1 is running, health: starting; service web: container demo-web-1 is"
                + " created")
        .satisfies(
            thrown ->
                assertThat(((WaitTimeoutException) thrown).serviceNames())
                    .containsExactly("db", "web"));
  }

  @Test
  void timeout_forOneServiceReadsLikeADependencyTimeout() {
    runtime.put(container("db", 1, ContainerStatus.RUNNING, Optional.of(Health.STARTING)));

    assertThatThrownBy(
            () ->
                waiter(Optional.of(Duration.ofSeconds(1)))
                    .await(List.of("db"), Set.of(), WaitListener.IGNORE))
        .hasMessage(
            "timed out after 1s waiting for service db to be running and healthy: container"
                + " demo-db-1 is running, health: starting");
  }
}
