package io.jcompose.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.project.Project;
import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.execute.PlanFailedException;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.reconcile.DownOptions;
import io.jcompose.planner.reconcile.Projects;
import io.jcompose.planner.reconcile.ReconcileOptions;
import io.jcompose.planner.runtime.InMemoryRuntime;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.wait.FakeClock;
import io.jcompose.planner.wait.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up} and {@code down} end to end on the in-memory runtime: observe, reconcile, execute. */
class ComposeTest {

  static final String STACK =
      """
      services:
        db:
          image: busybox
          command: ["sleep", "infinity"]
          healthcheck:
            test: ["CMD-SHELL", "true"]
            interval: 1s
          volumes:
            - data:/data
        init:
          image: busybox
          command: ["sh", "-c", "echo migrated; exit 0"]
          depends_on:
            db:
              condition: service_healthy
        web:
          image: busybox
          command: ["sleep", "infinity"]
          environment:
            GREETING: hello
          depends_on:
            db:
              condition: service_healthy
            init:
              condition: service_completed_successfully
      volumes:
        data:
      """;

  @TempDir Path directory;

  private final InMemoryRuntime runtime = new InMemoryRuntime();
  private final FakeClock clock = new FakeClock();
  private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
  private ExecutorService executor;

  @BeforeEach
  void seedImages() {
    runtime.addImage("busybox", Map.of());
    executor = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void closeExecutor() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void up_bringsEveryServiceUpInOrder_andASecondUpPlansNothing() throws Exception {
    Project project = load(STACK);

    compose(8).up(project, UpOptions.defaults());

    assertThat(status("demo-db-1")).isEqualTo(ContainerStatus.RUNNING);
    assertThat(status("demo-init-1")).isEqualTo(ContainerStatus.EXITED);
    assertThat(status("demo-web-1")).isEqualTo(ContainerStatus.RUNNING);
    List<String> calls = runtime.calls();
    assertThat(calls.indexOf("startContainer demo-web-1"))
        .isGreaterThan(calls.indexOf("startContainer demo-init-1"))
        .isGreaterThan(calls.indexOf("startContainer demo-db-1"));
    assertThat(runtime.inspectContainer("demo-web-1").summary().labels())
        .containsEntry(Labels.PROJECT, "demo")
        .containsEntry(Labels.SERVICE, "web")
        .containsEntry(Labels.CONTAINER_NUMBER, "1")
        .containsEntry(Labels.ONEOFF, "False")
        .containsEntry(Labels.CONFIG_HASH, project.service("web").configHash())
        .containsEntry(
            Labels.DEPENDS_ON, "db:service_healthy:false,init:service_completed_successfully:false")
        .containsKey(Labels.IMAGE);
    assertThat(compose(8).planUp(project, UpOptions.defaults()).text())
        .isEqualTo("nothing to do: everything is up to date\n");
  }

  @Test
  void changedEnvironment_recreatesOnlyThatServiceAndKeepsItsName() throws Exception {
    compose(8).up(load(STACK), UpOptions.defaults());
    String dbId = runtime.inspectContainer("demo-db-1").id();
    String oldWebId = runtime.inspectContainer("demo-web-1").id();
    Project changed = load(STACK.replace("GREETING: hello", "GREETING: bonjour"));

    assertThat(compose(8).planUp(changed, UpOptions.defaults()).text())
        .contains("recreate demo-web-1: environment.GREETING changed")
        .doesNotContain("demo-db-1");
    compose(8).up(changed, UpOptions.defaults());

    assertThat(runtime.inspectContainer("demo-db-1").id()).isEqualTo(dbId);
    ContainerDetails web = runtime.inspectContainer("demo-web-1");
    assertThat(web.id()).isNotEqualTo(oldWebId);
    assertThat(web.status()).isEqualTo(ContainerStatus.RUNNING);
    assertThat(runtime.listContainers(Labels.serviceContainers("demo", "web"))).hasSize(1);
  }

  @Test
  void independentServices_startConcurrentlyButNeverAboveTheCap() throws Exception {
    Project project =
        load(
            """
            services:
              a: {image: busybox, command: [sleep, infinity]}
              b: {image: busybox, command: [sleep, infinity]}
              c: {image: busybox, command: [sleep, infinity]}
              d: {image: busybox, command: [sleep, infinity]}
            """);
    var release = new CountDownLatch(1);
    runtime.holdCalls("startContainer", release);

    Future<?> up = runInBackground(() -> compose(2).up(project, UpOptions.defaults()));
    boolean twoHeld = runtime.awaitHeldCalls("startContainer", 2, Duration.ofSeconds(20));
    int heldBeforeRelease = runtime.maxConcurrentCalls("startContainer");
    release.countDown();
    up.get(30, TimeUnit.SECONDS);

    assertThat(twoHeld).as("two starts in flight at once").isTrue();
    assertThat(heldBeforeRelease).isEqualTo(2);
    assertThat(runtime.maxConcurrentCalls("startContainer")).isEqualTo(2);
    assertThat(runtime.listContainers(Labels.projectContainers("demo")))
        .extracting(container -> container.status())
        .containsOnly(ContainerStatus.RUNNING)
        .hasSize(4);
  }

  @Test
  void dependent_neverStartsBeforeItsDependencyIsHealthy() throws Exception {
    Project project = load(STACK);
    var callsWhenHealthy = new AtomicInteger(-1);
    var polls = new AtomicInteger();
    Sleeper sleeper =
        duration -> {
          if (polls.incrementAndGet() == 3) {
            runtime.setHealth("demo-db-1", ContainerDetails.Health.HEALTHY);
            callsWhenHealthy.set(runtime.calls().size());
          }
          clock.advance(duration);
        };
    var release = new CountDownLatch(1);
    runtime.holdCalls("startContainer", release);

    Future<?> up = runInBackground(() -> compose(8, sleeper).up(project, UpOptions.defaults()));
    boolean dbStartHeld = runtime.awaitHeldCalls("startContainer", 1, Duration.ofSeconds(20));
    runtime.setHealth("demo-db-1", ContainerDetails.Health.STARTING);
    release.countDown();
    up.get(30, TimeUnit.SECONDS);

    assertThat(dbStartHeld).as("db's start is the first").isTrue();
    assertThat(callsWhenHealthy.get()).as("db became healthy during the wait").isPositive();
    List<String> calls = runtime.calls();
    assertThat(calls.indexOf("startContainer demo-init-1")).isGreaterThan(callsWhenHealthy.get());
    assertThat(calls.indexOf("startContainer demo-web-1")).isGreaterThan(callsWhenHealthy.get());
    assertThat(events)
        .anySatisfy(
            event ->
                assertThat(event)
                    .isInstanceOfSatisfying(
                        ProgressEvent.Waiting.class,
                        waiting -> assertThat(waiting.state()).contains("starting")));
  }

  @Test
  void unhealthyDependency_stopsItsDependentsAndTheErrorNamesIt() throws Exception {
    Project project =
        load(STACK.replace("test: [\"CMD-SHELL\", \"true\"]", "test: [\"CMD-SHELL\", \"false\"]"));

    assertThatThrownBy(() -> compose(8).up(project, UpOptions.defaults()))
        .isInstanceOf(PlanFailedException.class)
        .hasMessageContaining("service db is unhealthy")
        .hasMessageContaining("demo-db-1");

    assertThat(runtime.calls())
        .doesNotContain("startContainer demo-init-1", "startContainer demo-web-1");
    assertThat(events)
        .anySatisfy(
            event ->
                assertThat(event)
                    .isInstanceOfSatisfying(
                        ProgressEvent.Skipped.class,
                        skipped ->
                            assertThat(skipped.reason()).contains("service db is unhealthy")));
  }

  @Test
  void failedOneShotDependency_isNamedWithItsExitCode() throws Exception {
    Project project = load(STACK.replace("echo migrated; exit 0", "echo broken >&2; exit 3"));

    assertThatThrownBy(() -> compose(8).up(project, UpOptions.defaults()))
        .isInstanceOf(PlanFailedException.class)
        .hasMessageContaining("service init didn't complete successfully: exit 3");

    assertThat(runtime.calls()).doesNotContain("startContainer demo-web-1");
  }

  @Test
  void upWithWait_returnsOnceEveryServiceIsReady_countingTheOneShotAsDone() throws Exception {
    Project project = load(STACK);

    compose(8)
        .up(project, UpOptions.defaults().withWait(true, Optional.of(Duration.ofSeconds(30))));

    assertThat(status("demo-web-1")).isEqualTo(ContainerStatus.RUNNING);
    assertThat(status("demo-init-1")).isEqualTo(ContainerStatus.EXITED);
  }

  @Test
  void scaleUpThenDown_keepsTheLowestNumbers() throws Exception {
    Project project = load(STACK);
    ReconcileOptions three = ReconcileOptions.defaults().withScale(Map.of("web", 3));

    compose(8).up(project, UpOptions.defaults().withReconcile(three));
    assertThat(names("web")).containsExactly("demo-web-1", "demo-web-2", "demo-web-3");
    compose(8).up(project, UpOptions.defaults());

    assertThat(names("web")).containsExactly("demo-web-1");
  }

  @Test
  void down_removesContainersAndNetwork_andWithVolumesTheNamedVolume() throws Exception {
    Project project = load(STACK);
    compose(8).up(project, UpOptions.defaults());

    compose(8).down(project, new DownOptions(Optional.empty(), true, Optional.empty(), false));

    assertThat(runtime.listContainers(LabelFilter.of(Labels.PROJECT, "demo"))).isEmpty();
    assertThat(runtime.listNetworks(LabelFilter.of(Labels.PROJECT, "demo"))).isEmpty();
    assertThat(runtime.listVolumes(LabelFilter.of(Labels.PROJECT, "demo"))).isEmpty();
    List<String> calls = runtime.calls();
    assertThat(calls.indexOf("stopContainer demo-web-1"))
        .isLessThan(calls.indexOf("stopContainer demo-db-1"));
  }

  @Test
  void orphan_isReportedAsAWarningAndRemovedWithRemoveOrphans() throws Exception {
    compose(8)
        .up(
            load(
                STACK.replace(
                    "volumes:\n  data:",
                    "  legacy:\n    image: busybox\n    command: [sleep, infinity]\nvolumes:\n  data:")),
            UpOptions.defaults());
    Project without = load(STACK);

    compose(8).up(without, UpOptions.defaults());
    assertThat(events)
        .anySatisfy(
            event ->
                assertThat(event)
                    .isInstanceOfSatisfying(
                        ProgressEvent.Warning.class,
                        warning -> assertThat(warning.message()).contains("demo-legacy-1")));
    assertThat(names("legacy")).containsExactly("demo-legacy-1");

    compose(8)
        .up(
            without,
            UpOptions.defaults()
                .withReconcile(ReconcileOptions.defaults().withRemoveOrphans(true)));
    assertThat(names("legacy")).isEmpty();
  }

  private Compose compose(int parallelism) {
    return compose(parallelism, clock.sleeper());
  }

  private Compose compose(int parallelism, Sleeper sleeper) {
    return new Compose(
        runtime,
        executor,
        new Compose.Settings(parallelism, clock, sleeper, Duration.ofMillis(500)),
        events::add);
  }

  private Project load(String yaml) {
    return Projects.load(directory, yaml);
  }

  private ContainerStatus status(String containerName) {
    return runtime.inspectContainer(containerName).status();
  }

  private List<String> names(String serviceName) {
    return runtime.listContainers(Labels.serviceContainers("demo", serviceName)).stream()
        .map(container -> container.name())
        .sorted()
        .toList();
  }

  private Future<?> runInBackground(ThrowingRunnable body) {
    return Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "up-under-test");
              thread.setDaemon(true);
              return thread;
            })
        .submit(
            () -> {
              body.run();
              return null;
            });
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
