package io.jcompose.planner.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerSpec.HealthSpec;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.EndpointSpec;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.NetworkSpec;
import io.jcompose.planner.spi.RuntimeEvent;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-memory runtime's test controls. */
@Timeout(30)
class InMemoryRuntimeTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final InMemoryRuntime runtime = new InMemoryRuntime();
  private final ExecutorService callers = Executors.newFixedThreadPool(2);

  InMemoryRuntimeTest() {
    runtime.addImage("busybox", Map.of());
  }

  @AfterEach
  void stopTheCallers() {
    callers.shutdownNow();
  }

  private static ContainerSpec sleeping(String name) {
    return ContainerSpec.simple(name, "busybox", List.of("sleep", "infinity"));
  }

  @Test
  void failNext_makesTheNextMatchingCallThrowTheFaultOnce() {
    runtime.createContainer(sleeping("demo-web-1"));
    var fault = new RuntimeFault.Unavailable("the daemon went away");
    runtime.failNext("startContainer", "demo-web-1", fault);

    assertThatThrownBy(() -> runtime.startContainer("demo-web-1")).isSameAs(fault);
    assertThat(runtime.inspectContainer("demo-web-1").status()).isEqualTo(ContainerStatus.CREATED);

    runtime.startContainer("demo-web-1");
    assertThat(runtime.inspectContainer("demo-web-1").status()).isEqualTo(ContainerStatus.RUNNING);
  }

  @Test
  void failNext_leavesCallsWithOtherTargetsOrNamesAlone() {
    runtime.createContainer(sleeping("demo-web-1"));
    runtime.createContainer(sleeping("demo-db-1"));
    runtime.failNext("startContainer", "demo-db-1", new RuntimeFault.Internal("boom"));

    runtime.startContainer("demo-web-1");
    runtime.inspectContainer("demo-db-1");

    assertThatThrownBy(() -> runtime.startContainer("demo-db-1"))
        .isInstanceOf(RuntimeFault.Internal.class);
  }

  @Test
  void failNext_matchesAContainerAddressedByIdUnderItsName() {
    String containerId = runtime.createContainer(sleeping("demo-web-1"));
    runtime.failNext("removeContainer", "demo-web-1", new RuntimeFault.Conflict("in progress"));

    assertThatThrownBy(() -> runtime.removeContainer(containerId, true, true))
        .isInstanceOf(RuntimeFault.Conflict.class);
  }

  @Test
  void calls_recordEachCallWithItsTargetInOrderButNotTheTestControls() {
    String containerId = runtime.createContainer(sleeping("demo-web-1"));
    runtime.startContainer(containerId);
    runtime.inspectContainer(containerId.substring(0, 12));
    runtime.listContainers(Labels.projectContainers("demo"));
    runtime.createNetwork(NetworkSpec.named("demo_default", Map.of()));
    runtime.connectNetwork("demo_default", "demo-web-1", EndpointSpec.aliases(List.of("web")));
    runtime.renameContainer("demo-web-1", "old-web");
    runtime.exit("old-web", 0);
    runtime.info();

    assertThat(runtime.calls())
        .containsExactly(
            "createContainer demo-web-1",
            "startContainer demo-web-1",
            "inspectContainer demo-web-1",
            "listContainers com.docker.compose.config-hash,com.docker.compose.project=demo",
            "createNetwork demo_default",
            "connectNetwork demo_default demo-web-1",
            "renameContainer demo-web-1 old-web",
            "info");
  }

  @Test
  void calls_recordCallsThatFailed() {
    assertThatThrownBy(() -> runtime.startContainer("demo-missing-1"))
        .isInstanceOf(RuntimeFault.NotFound.class);

    assertThat(runtime.calls()).containsExactly("startContainer demo-missing-1");
  }

  @Test
  void clearCalls_forgetsTheCallsSoFar() {
    runtime.createContainer(sleeping("demo-web-1"));

    runtime.clearCalls();
    runtime.startContainer("demo-web-1");

    assertThat(runtime.calls()).containsExactly("startContainer demo-web-1");
  }

  @Test
  void maxConcurrentCalls_isOneForCallsMadeOneAfterAnother() {
    runtime.createContainer(sleeping("demo-web-1"));
    runtime.startContainer("demo-web-1");
    runtime.stopContainer("demo-web-1", Optional.empty());

    assertThat(runtime.maxConcurrentCalls()).isEqualTo(1);
    assertThat(runtime.maxConcurrentCalls("startContainer")).isEqualTo(1);
    assertThat(runtime.maxConcurrentCalls("exec")).isZero();
  }

  @Test
  void holdCalls_holdsCallsBeforeTheyActUntilReleasedSoConcurrencyShows() throws Exception {
    runtime.createContainer(sleeping("demo-web-1"));
    runtime.createContainer(sleeping("demo-db-1"));
    var release = new CountDownLatch(1);
    runtime.holdCalls("startContainer", release);

    Future<?> web = callers.submit(() -> runtime.startContainer("demo-web-1"));
    Future<?> db = callers.submit(() -> runtime.startContainer("demo-db-1"));

    assertThat(runtime.awaitHeldCalls("startContainer", 2, PATIENCE)).isTrue();
    assertThat(runtime.maxConcurrentCalls("startContainer")).isEqualTo(2);
    assertThat(runtime.inspectContainer("demo-web-1").status()).isEqualTo(ContainerStatus.CREATED);
    release.countDown();
    web.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    db.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(runtime.inspectContainer("demo-web-1").status()).isEqualTo(ContainerStatus.RUNNING);
    assertThat(runtime.inspectContainer("demo-db-1").status()).isEqualTo(ContainerStatus.RUNNING);
    // the two held starts and the inspect made meanwhile
    assertThat(runtime.maxConcurrentCalls()).isEqualTo(3);
  }

  @Test
  void holdCalls_letsOtherCallsThrough() {
    runtime.createContainer(sleeping("demo-web-1"));
    runtime.holdCalls("stopContainer", new CountDownLatch(1));

    runtime.startContainer("demo-web-1");

    assertThat(runtime.inspectContainer("demo-web-1").status()).isEqualTo(ContainerStatus.RUNNING);
  }

  @Test
  void awaitHeldCalls_isFalseWhenTooFewCallsAreHeld() throws InterruptedException {
    runtime.holdCalls("startContainer", new CountDownLatch(1));

    assertThat(runtime.awaitHeldCalls("startContainer", 1, Duration.ofMillis(1))).isFalse();
  }

  @Test
  void holdCalls_aHeldCallThatIsInterruptedThrowsInterruptedExceptionWhereDeclared()
      throws Exception {
    runtime.makePullable("nginx:1.27");
    runtime.holdCalls("pullImage", new CountDownLatch(1));
    var thrown = new AtomicReference<Throwable>();
    Thread caller =
        new Thread(
            () -> {
              try {
                runtime.pullImage("nginx:1.27", Optional.empty(), progress -> {});
              } catch (Throwable failure) {
                thrown.set(failure);
              }
            });
    caller.start();

    assertThat(runtime.awaitHeldCalls("pullImage", 1, PATIENCE)).isTrue();
    caller.interrupt();
    caller.join();

    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(runtime.inspectImage("nginx:1.27")).isEmpty();
  }

  @Test
  void holdCalls_aHeldCallThatIsInterruptedIsUnavailableWithTheFlagSetElsewhere() throws Exception {
    runtime.createContainer(sleeping("demo-web-1"));
    runtime.holdCalls("startContainer", new CountDownLatch(1));
    var thrown = new AtomicReference<Throwable>();
    var flagSet = new AtomicReference<Boolean>();
    Thread caller =
        new Thread(
            () -> {
              try {
                runtime.startContainer("demo-web-1");
              } catch (Throwable failure) {
                thrown.set(failure);
                flagSet.set(Thread.currentThread().isInterrupted());
              }
            });
    caller.start();

    assertThat(runtime.awaitHeldCalls("startContainer", 1, PATIENCE)).isTrue();
    caller.interrupt();
    caller.join();

    assertThat(thrown.get()).isInstanceOf(RuntimeFault.Unavailable.class);
    assertThat(flagSet.get()).isTrue();
  }

  @Test
  void ids_areSixtyFourHexAndTheSameForTheSameCalls() {
    var other = new InMemoryRuntime();
    other.addImage("busybox", Map.of());

    String webId = runtime.createContainer(sleeping("demo-web-1"));
    String dbId = runtime.createContainer(sleeping("demo-db-1"));
    String networkId = runtime.createNetwork(NetworkSpec.named("demo_default", Map.of()));

    assertThat(webId).matches("[0-9a-f]{64}").isNotEqualTo(dbId);
    assertThat(other.createContainer(sleeping("demo-web-1"))).isEqualTo(webId);
    assertThat(other.createContainer(sleeping("demo-db-1"))).isEqualTo(dbId);
    assertThat(other.createNetwork(NetworkSpec.named("demo_default", Map.of())))
        .isEqualTo(networkId);
  }

  @Test
  void exit_makesARunningContainerExitWithTheCodeAndEndsItsFollowers() throws Exception {
    runtime.createContainer(sleeping("demo-web-1"));
    runtime.startContainer("demo-web-1");
    List<RuntimeEvent> events = Collections.synchronizedList(new ArrayList<>());
    Subscription eventStream = runtime.events(LabelFilter.any(), events::add);
    Subscription follower = runtime.logs("demo-web-1", LogOptions.following(), line -> {});

    runtime.exit("demo-web-1", 2);

    assertThat(runtime.waitContainer("demo-web-1")).isEqualTo(2);
    assertThat(runtime.inspectContainer("demo-web-1").status()).isEqualTo(ContainerStatus.EXITED);
    follower.await();
    eventStream.close();
    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.action()).isEqualTo("die");
              assertThat(event.attributes()).containsEntry("exitCode", "2");
            });
  }

  @Test
  void exit_ofAContainerThatIsNotRunningIsAnError() {
    runtime.createContainer(sleeping("demo-web-1"));

    assertThatThrownBy(() -> runtime.exit("demo-web-1", 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("demo-web-1");
  }

  @Test
  void exit_wakesAWaiterThatIsBlocked() throws Exception {
    runtime.createContainer(sleeping("demo-web-1"));
    runtime.startContainer("demo-web-1");
    var ready = new CountDownLatch(1);
    Future<Integer> exitCode =
        callers.submit(
            () -> {
              ready.countDown();
              return runtime.waitContainer("demo-web-1");
            });
    ready.await();

    runtime.exit("demo-web-1", 7);

    assertThat(exitCode.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(7);
  }

  @Test
  void setHealth_overridesTheHealthcheckAtOnce() {
    var passingCheck =
        new HealthSpec(
            List.of("CMD", "true"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    runtime.createContainer(sleeping("demo-web-1").withHealth(Optional.of(passingCheck)));
    runtime.startContainer("demo-web-1");

    runtime.setHealth("demo-web-1", Health.UNHEALTHY);

    assertThat(runtime.inspectContainer("demo-web-1").health()).contains(Health.UNHEALTHY);
    assertThat(runtime.inspectContainer("demo-web-1").health()).contains(Health.UNHEALTHY);
  }

  @Test
  void setHealth_givesHealthToAContainerWithoutAHealthcheck() {
    runtime.createContainer(sleeping("demo-web-1"));
    runtime.startContainer("demo-web-1");

    runtime.setHealth("demo-web-1", Health.HEALTHY);

    assertThat(runtime.inspectContainer("demo-web-1").health()).contains(Health.HEALTHY);
  }

  @Test
  void writeLog_deliversTheLineToAFollower() throws InterruptedException {
    runtime.createContainer(sleeping("demo-web-1"));
    runtime.startContainer("demo-web-1");
    List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
    Subscription follower = runtime.logs("demo-web-1", LogOptions.following(), lines::add);

    runtime.writeLog("demo-web-1", LogLine.Stream.STDERR, "warning: low disk");
    assertThat(lines)
        .containsExactly(new LogLine(LogLine.Stream.STDERR, Optional.empty(), "warning: low disk"));

    runtime.exit("demo-web-1", 0);
    follower.await();
  }
}
