package io.jcompose.planner.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.project.Dependency.Condition;
import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.plan.CreateContainer;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.plan.PullImage;
import io.jcompose.planner.plan.StartContainer;
import io.jcompose.planner.plan.WaitForDependency;
import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.wait.FakeClock;
import io.jcompose.planner.wait.FakeContainers;
import io.jcompose.planner.wait.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlanExecutorTest {

  /** A guard against a hang when the code under test is broken; never reached when it works. */
  private static final long GUARD_SECONDS = 10;

  private final ScriptedRuntime runtime = new ScriptedRuntime();
  private final FakeClock clock = new FakeClock();
  private final RecordingSink sink = new RecordingSink();
  private final ExecutorService pool = Executors.newFixedThreadPool(6);

  @AfterEach
  void closePool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  private PlanExecutor executor(int parallelism) {
    return executor(parallelism, clock.sleeper());
  }

  private PlanExecutor executor(int parallelism, Sleeper sleeper) {
    var settings =
        new ExecutionSettings(
            FakeContainers.PROJECT,
            parallelism,
            clock,
            sleeper,
            Duration.ofMillis(500),
            Optional.of(Duration.ofSeconds(30)));
    return new PlanExecutor(runtime, pool, settings, sink);
  }

  private static StartContainer start(String serviceName) {
    return new StartContainer(serviceName, "demo-" + serviceName + "-1");
  }

  private static CreateContainer create(String serviceName) {
    return new CreateContainer(
        serviceName, ContainerSpec.simple("demo-" + serviceName + "-1", "alpine", List.of()));
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    if (!latch.await(GUARD_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("latch not released: the executor is stuck");
    }
  }

  @Test
  void independentNodes_runConcurrentlyUpToTheCapAndNeverAbove() throws InterruptedException {
    var plan = new Plan.Builder();
    var entered = new CountDownLatch(2);
    var gate = new CountDownLatch(1);
    for (String serviceName : List.of("a", "b", "c", "d", "e")) {
      plan.add(start(serviceName), "");
      runtime.on(
          "start demo-" + serviceName + "-1",
          () -> {
            entered.countDown();
            await(gate);
          });
    }
    var executing =
        pool.submit(
            () -> {
              executor(2).execute(plan.build());
              return null;
            });

    await(entered);
    int inFlightAtTheGate = runtime.inFlight();
    gate.countDown();
    assertThat(executing).succeedsWithin(Duration.ofSeconds(GUARD_SECONDS));

    assertThat(inFlightAtTheGate).isEqualTo(2);
    assertThat(runtime.mostInFlight()).isEqualTo(2);
    assertThat(runtime.completed()).hasSize(5);
    assertThat(sink.events(ProgressEvent.Finished.class)).hasSize(5);
  }

  @Test
  void aNode_neverStartsBeforeEveryNodeItDependsOnFinished() throws InterruptedException {
    var plan = new Plan.Builder();
    int createDb = plan.add(create("db"), "");
    int createCache = plan.add(create("cache"), "");
    int startDb = plan.add(start("db"), "", createDb);
    int startCache = plan.add(start("cache"), "", createCache);
    int createWeb = plan.add(create("web"), "");
    plan.add(start("web"), "", createWeb, startDb, startCache);

    executor(4).execute(plan.build());

    List<String> completed = runtime.completed();
    List<String> calls = runtime.calls();
    assertThat(calls.indexOf("start demo-web-1"))
        .isGreaterThan(calls.indexOf("start demo-db-1"))
        .isGreaterThan(calls.indexOf("start demo-cache-1"))
        .isGreaterThan(calls.indexOf("create demo-web-1"));
    assertThat(completed.indexOf("start demo-db-1"))
        .isGreaterThan(completed.indexOf("create demo-db-1"));
    assertThat(completed.indexOf("start demo-cache-1"))
        .isGreaterThan(completed.indexOf("create demo-cache-1"));
    for (PlanNode node : plan.build().nodes()) {
      int started = sink.lines().indexOf("Started #" + node.id());
      for (int dependency : node.dependsOn()) {
        assertThat(started)
            .as("#%d starts after #%d finished", node.id(), dependency)
            .isGreaterThan(sink.lines().indexOf("Finished #" + dependency));
      }
    }
  }

  @Test
  void aFailure_stopsSchedulingSkipsWhatHasNotStartedAndListsEveryFailure()
      throws InterruptedException {
    var plan = new Plan.Builder();
    int startDb = plan.add(start("db"), "");
    int startCache = plan.add(start("cache"), "");
    plan.add(start("web"), "", startDb);
    plan.add(start("worker"), "", startCache);
    var cacheRunning = new CountDownLatch(1);
    var dbFailed = new CountDownLatch(1);
    sink.onEvent(
        event -> {
          if (event instanceof ProgressEvent.Failed failed && failed.node().id() == startDb) {
            dbFailed.countDown();
          }
        });
    runtime.on(
        "start demo-db-1",
        () -> {
          await(cacheRunning);
          throw new RuntimeFault.Conflict("port 5432 is already allocated");
        });
    runtime.on(
        "start demo-cache-1",
        () -> {
          cacheRunning.countDown();
          await(dbFailed);
          throw new RuntimeFault.Internal("out of memory");
        });

    assertThatThrownBy(() -> executor(2).execute(plan.build()))
        .isInstanceOf(PlanFailedException.class)
        .hasMessage(
            "container demo-db-1: start failed: port 5432 is already allocated; container"
                + " demo-cache-1: start failed: out of memory")
        .hasCauseInstanceOf(RuntimeFault.Conflict.class)
        .satisfies(
            thrown ->
                assertThat(((PlanFailedException) thrown).failures())
                    .extracting(failure -> failure.node().id())
                    .containsExactly(1, 2));
    assertThat(runtime.calls()).containsExactlyInAnyOrder("start demo-db-1", "start demo-cache-1");
    assertThat(sink.lines())
        .contains(
            "Failed #1: container demo-db-1: start failed: port 5432 is already allocated",
            "Failed #2: container demo-cache-1: start failed: out of memory",
            "Skipped #3: an earlier step failed: container demo-db-1: start failed: port 5432 is"
                + " already allocated",
            "Skipped #4: an earlier step failed: container demo-db-1: start failed: port 5432 is"
                + " already allocated")
        .doesNotContain("Started #3", "Started #4");
  }

  @Test
  void aFailure_letsTheNodesAlreadyRunningFinish() throws InterruptedException {
    var plan = new Plan.Builder();
    plan.add(start("db"), "");
    plan.add(start("cache"), "");
    var cacheRunning = new CountDownLatch(1);
    var dbFailed = new CountDownLatch(1);
    runtime.on(
        "start demo-db-1",
        () -> {
          await(cacheRunning);
          dbFailed.countDown();
          throw new RuntimeFault.Internal("boom");
        });
    runtime.on(
        "start demo-cache-1",
        () -> {
          cacheRunning.countDown();
          await(dbFailed);
        });

    assertThatThrownBy(() -> executor(2).execute(plan.build()))
        .isInstanceOf(PlanFailedException.class)
        .hasMessage("container demo-db-1: start failed: boom");
    assertThat(runtime.completed()).containsExactly("start demo-cache-1");
    assertThat(sink.lines()).contains("Finished #2");
  }

  @Test
  void interruption_cancelsTheRestInterruptsRunningNodesAndRethrows() throws Exception {
    var plan = new Plan.Builder();
    int pull = plan.add(new PullImage("db", "postgres:17", Optional.empty()), "");
    plan.add(create("db"), "", pull);
    var pulling = new CountDownLatch(1);
    var never = new CountDownLatch(1);
    runtime.on(
        "pull postgres:17",
        () -> {
          pulling.countDown();
          never.await();
        });
    var thrown = new AtomicReference<Throwable>();
    var flagAfterwards = new AtomicBoolean();
    var caller =
        new Thread(
            () -> {
              try {
                executor(2).execute(plan.build());
              } catch (Throwable failure) {
                thrown.set(failure);
              }
              flagAfterwards.set(Thread.currentThread().isInterrupted());
            });
    caller.start();

    await(pulling);
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));

    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(flagAfterwards.get()).isTrue();
    assertThat(sink.lines())
        .containsExactly(
            "Started #1",
            "Failed #1: image postgres:17: pull interrupted",
            "Skipped #2: interrupted");
    assertThat(runtime.calls()).containsExactly("pull postgres:17");
  }

  @Test
  void waits_pollTheDependencyOnTheClockAndReportEachState() throws InterruptedException {
    var plan = new Plan.Builder();
    int startDb = plan.add(start("db"), "");
    int wait =
        plan.add(new WaitForDependency("web", "db", Condition.SERVICE_HEALTHY, true), "", startDb);
    plan.add(start("web"), "", wait);
    runtime.on(
        "start demo-db-1",
        () ->
            runtime.put(
                FakeContainers.container(
                    "db", 1, ContainerStatus.RUNNING, Optional.of(Health.STARTING))));
    sink.onEvent(
        event -> {
          if (event instanceof ProgressEvent.Waiting
              && sink.events(ProgressEvent.Waiting.class).size() == 2) {
            runtime.put(
                FakeContainers.container(
                    "db", 1, ContainerStatus.RUNNING, Optional.of(Health.HEALTHY)));
          }
        });

    executor(2).execute(plan.build());

    assertThat(sink.lines())
        .containsExactly(
            "Started #1",
            "Finished #1",
            "Started #2",
            "Waiting #2: container demo-db-1 is running, health: starting",
            "Waiting #2: container demo-db-1 is running, health: starting",
            "Finished #2",
            "Started #3",
            "Finished #3");
    assertThat(sink.events(ProgressEvent.Finished.class).get(1).elapsed())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void aFailedWait_failsThePlanNamingTheDependency() throws InterruptedException {
    runtime.put(
        FakeContainers.container("db", 1, ContainerStatus.RUNNING, Optional.of(Health.UNHEALTHY)));
    var plan = new Plan.Builder();
    int wait = plan.add(new WaitForDependency("web", "db", Condition.SERVICE_HEALTHY, true), "");
    plan.add(start("web"), "", wait);

    assertThatThrownBy(() -> executor(2).execute(plan.build()))
        .isInstanceOf(PlanFailedException.class)
        .hasMessage("dependency failed to start: service db is unhealthy (container demo-db-1)");
    assertThat(sink.lines())
        .containsExactly(
            "Started #1",
            "Failed #1: dependency failed to start: service db is unhealthy (container demo-db-1)",
            "Skipped #2: an earlier step failed: dependency failed to start: service db is"
                + " unhealthy (container demo-db-1)");
  }

  @Test
  void anOptionalDependencyThatFailed_isAWarningAndTheDependentStarts()
      throws InterruptedException {
    runtime.put(FakeContainers.exited("db", 1, 2));
    var plan = new Plan.Builder();
    int wait =
        plan.add(
            new WaitForDependency("web", "db", Condition.SERVICE_COMPLETED_SUCCESSFULLY, false),
            "");
    plan.add(start("web"), "", wait);

    executor(2).execute(plan.build());

    assertThat(sink.lines())
        .containsExactly(
            "Started #1",
            "Warning: service web starts without its optional dependency db: service db didn't"
                + " complete successfully: exit 2",
            "Finished #1",
            "Started #2",
            "Finished #2");
  }

  @Test
  void anEmptyPlan_doesNothing() throws InterruptedException {
    executor(1).execute(Plan.empty());

    assertThat(sink.events()).isEmpty();
    assertThat(runtime.calls()).isEmpty();
  }

  @Test
  void settings_rejectAParallelismBelowOne() {
    assertThatThrownBy(() -> ExecutionSettings.of("demo", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parallelism must be at least 1");
  }
}
