package io.jcompose.planner.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerSpec.HealthSpec;
import io.jcompose.planner.spi.ContainerSpec.Mount;
import io.jcompose.planner.spi.ContainerSpec.Networking;
import io.jcompose.planner.spi.ContainerSpec.Storage;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ExecResult;
import io.jcompose.planner.spi.ExecSpec;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.ImageSummary;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.NetworkSpec;
import io.jcompose.planner.spi.RuntimeEvent;
import io.jcompose.planner.spi.RuntimeFault;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Where the in-memory runtime answers as dockerd does, beyond what the SPI contract checks. */
@Timeout(30)
class InMemoryRuntimeBehaviourTest {

  /** A clock that moves on a second at each reading, so every log line has its own time. */
  private static final class TickingClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public synchronized Instant instant() {
      Instant reading = now;
      now = now.plusSeconds(1);
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
  }

  private final InMemoryRuntime runtime = new InMemoryRuntime(new TickingClock());

  InMemoryRuntimeBehaviourTest() {
    runtime.addImage("busybox", Map.of());
  }

  private static ContainerSpec shell(String name, String script) {
    return ContainerSpec.simple(name, "busybox", List.of("sh", "-c", script));
  }

  private static ContainerSpec withHealthTest(ContainerSpec spec, List<String> test) {
    return spec.withHealth(
        Optional.of(
            new HealthSpec(
                test,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())));
  }

  private List<LogLine> logs(String containerName, LogOptions options) throws InterruptedException {
    List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
    runtime.logs(containerName, options, lines::add).await();
    return lines;
  }

  private List<RuntimeEvent> recordEvents() {
    List<RuntimeEvent> events = Collections.synchronizedList(new ArrayList<>());
    runtime.events(LabelFilter.any(), events::add);
    return events;
  }

  private static List<String> actions(List<RuntimeEvent> events, String type) {
    var actions = new ArrayList<String>();
    for (RuntimeEvent event : events) {
      if (event.type().equals(type)) {
        actions.add(event.action());
      }
    }
    return actions;
  }

  @Test
  void health_showsStartingOnTheFirstInspectAndTheVerdictFromTheSecond() {
    List<RuntimeEvent> events = recordEvents();
    runtime.createContainer(
        withHealthTest(shell("demo-web-1", "sleep 3600"), List.of("CMD-SHELL", "exit 1")));
    runtime.startContainer("demo-web-1");

    assertThat(runtime.inspectContainer("demo-web-1").health()).contains(Health.STARTING);
    assertThat(runtime.inspectContainer("demo-web-1").health()).contains(Health.UNHEALTHY);
    assertThat(runtime.inspectContainer("demo-web-1").health()).contains(Health.UNHEALTHY);
    assertThat(actions(events, "container")).endsWith("health_status: unhealthy");
  }

  @Test
  void health_withTheNoneTestIsAbsent() {
    runtime.createContainer(withHealthTest(shell("demo-web-1", "sleep 3600"), List.of("NONE")));
    runtime.startContainer("demo-web-1");

    assertThat(runtime.inspectContainer("demo-web-1").health()).isEmpty();
    assertThat(runtime.inspectContainer("demo-web-1").health()).isEmpty();
  }

  @Test
  void events_followAContainersLifeCycleAsDockerdReportsIt() {
    List<RuntimeEvent> events = recordEvents();
    runtime.createContainer(shell("demo-web-1", "sleep 3600"));
    runtime.startContainer("demo-web-1");
    runtime.stopContainer("demo-web-1", Optional.empty());
    runtime.renameContainer("demo-web-1", "demo-web-old");
    runtime.removeContainer("demo-web-old", false, false);

    assertThat(actions(events, "container"))
        .containsExactly("create", "start", "kill", "die", "stop", "rename", "destroy");
    assertThat(events.get(3).attributes())
        .containsEntry("exitCode", "143")
        .containsEntry("name", "demo-web-1");
    assertThat(events.get(5).attributes())
        .containsEntry("name", "demo-web-old")
        .containsEntry("oldName", "/demo-web-1");
  }

  @Test
  void events_carryTheObjectsLabels() {
    List<RuntimeEvent> events = recordEvents();

    runtime.createNetwork(NetworkSpec.named("demo_default", Map.of("tier", "front")));

    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo("network");
              assertThat(event.action()).isEqualTo("create");
              assertThat(event.attributes())
                  .containsEntry("tier", "front")
                  .containsEntry("name", "demo_default");
            });
  }

  @Test
  void startContainer_ofAnImageWithoutACommandKeepsRunningLikeAServer() {
    runtime.createContainer(ContainerSpec.simple("demo-web-1", "busybox", List.of()));

    runtime.startContainer("demo-web-1");

    assertThat(runtime.inspectContainer("demo-web-1").status()).isEqualTo(ContainerStatus.RUNNING);
  }

  @Test
  void startContainer_againAppendsTheNewRunsOutputToTheLog() throws InterruptedException {
    runtime.createContainer(shell("demo-job-1", "echo run"));
    runtime.startContainer("demo-job-1");

    runtime.startContainer("demo-job-1");

    assertThat(logs("demo-job-1", LogOptions.all()))
        .extracting(LogLine::text)
        .containsExactly("run", "run");
  }

  @Test
  void stopContainer_endsTheProcessWithTheStopSignalsExitCode() throws InterruptedException {
    runtime.createContainer(shell("demo-web-1", "sleep 3600"));
    runtime.startContainer("demo-web-1");

    runtime.stopContainer("demo-web-1", Optional.empty());

    assertThat(runtime.waitContainer("demo-web-1")).isEqualTo(143);
  }

  @Test
  void killContainer_ofAContainerThatIsNotRunningIsAConflictAndAnUnknownSignalInvalid() {
    runtime.createContainer(shell("demo-web-1", "sleep 3600"));

    assertThatThrownBy(() -> runtime.killContainer("demo-web-1", "SIGKILL"))
        .isInstanceOf(RuntimeFault.Conflict.class);
    runtime.startContainer("demo-web-1");
    assertThatThrownBy(() -> runtime.killContainer("demo-web-1", "SIGNOPE"))
        .isInstanceOf(RuntimeFault.InvalidArgument.class);
  }

  @Test
  void createContainer_withAnInvalidNameIsAnInvalidArgument() {
    assertThatThrownBy(() -> runtime.createContainer(shell("-web", "true")))
        .isInstanceOf(RuntimeFault.InvalidArgument.class)
        .hasMessageContaining("-web");
  }

  @Test
  void createContainer_withoutNetworkingJoinsThePredefinedBridge() {
    String bridgeId = runtime.inspectNetwork("bridge").orElseThrow().id();

    String containerId = runtime.createContainer(shell("demo-web-1", "true"));

    assertThat(runtime.inspectContainer(containerId).summary().networks())
        .containsExactly(Map.entry("bridge", bridgeId));
    assertThat(runtime.inspectNetwork("host")).isPresent();
    assertThat(runtime.inspectNetwork("none")).isPresent();
  }

  @Test
  void createContainer_onAMissingNetworkIsNotFound() {
    var networking =
        new Networking(
            Optional.of("demo_default"),
            Map.of(),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());

    assertThatThrownBy(
            () -> runtime.createContainer(shell("demo-web-1", "true").withNetworking(networking)))
        .isInstanceOf(RuntimeFault.NotFound.class)
        .hasMessageContaining("demo_default");
  }

  @Test
  void removeNetwork_ofAPredefinedNetworkIsRefused() {
    assertThatThrownBy(() -> runtime.removeNetwork("bridge"))
        .isInstanceOf(RuntimeFault.PermissionDenied.class);
  }

  @Test
  void removeContainer_keepsAnonymousVolumesUnlessAsked() {
    var anonymous = new Mount(Mount.Type.VOLUME, Optional.empty(), "/data", false);
    String containerId =
        runtime.createContainer(
            shell("demo-web-1", "true").withStorage(new Storage(List.of(anonymous), List.of())));
    String volumeName = runtime.inspectContainer(containerId).summary().mounts().get(0).name();

    runtime.removeContainer(containerId, false, false);

    assertThat(runtime.inspectVolume(volumeName).orElseThrow().labels())
        .containsKey(VolumeTable.ANONYMOUS);
  }

  @Test
  void removeVolume_ofAMissingVolumeIsNotFoundUnlessForced() {
    assertThatThrownBy(() -> runtime.removeVolume("demo_data", false))
        .isInstanceOf(RuntimeFault.NotFound.class);

    runtime.removeVolume("demo_data", true);
  }

  @Test
  void logs_honourSinceUntilTailAndTimestamps() throws InterruptedException {
    runtime.createContainer(shell("demo-job-1", "echo 1; echo 2; echo 3; echo 4"));
    runtime.startContainer("demo-job-1");
    var stamped = new LogOptions(false, Optional.empty(), Optional.empty(), Optional.empty(), true);
    List<LogLine> all = logs("demo-job-1", stamped);
    Instant second = all.get(1).time().orElseThrow();
    Instant third = all.get(2).time().orElseThrow();

    var between =
        new LogOptions(false, Optional.empty(), Optional.of(second), Optional.of(third), false);
    var lastOne = new LogOptions(false, Optional.of(1), Optional.empty(), Optional.empty(), false);

    assertThat(all).extracting(LogLine::text).containsExactly("1", "2", "3", "4");
    assertThat(second).isBefore(third);
    assertThat(logs("demo-job-1", between))
        .containsExactly(
            new LogLine(LogLine.Stream.STDOUT, Optional.empty(), "2"),
            new LogLine(LogLine.Stream.STDOUT, Optional.empty(), "3"));
    assertThat(logs("demo-job-1", lastOne)).extracting(LogLine::text).containsExactly("4");
  }

  @Test
  void logs_aFollowerGetsTheLinesSoFarThenNewOnesUntilTheContainerExits()
      throws InterruptedException {
    runtime.createContainer(shell("demo-web-1", "echo booting; sleep 3600"));
    runtime.startContainer("demo-web-1");
    List<String> texts = Collections.synchronizedList(new ArrayList<>());
    var follower =
        runtime.logs("demo-web-1", LogOptions.following(), line -> texts.add(line.text()));

    runtime.writeLog("demo-web-1", LogLine.Stream.STDOUT, "ready");
    runtime.exit("demo-web-1", 0);
    follower.await();

    assertThat(texts).containsExactly("booting", "ready");
  }

  @Test
  void logs_aSinkThatThrowsEndsTheSubscriptionAndAwaitRethrows() {
    runtime.createContainer(shell("demo-job-1", "echo 1"));
    runtime.startContainer("demo-job-1");
    var failure = new IllegalStateException("sink broke");

    var subscription =
        runtime.logs(
            "demo-job-1",
            LogOptions.all(),
            line -> {
              throw failure;
            });

    assertThatThrownBy(subscription::await).isSameAs(failure);
  }

  @Test
  void exec_seesTheContainersEnvironmentAndItsOwn() throws InterruptedException {
    var spec =
        new ContainerSpec.Process(
            Optional.of(List.of("sleep", "infinity")),
            Optional.empty(),
            List.of("MODE=test"),
            Optional.empty(),
            Optional.empty(),
            false,
            false,
            false,
            Optional.empty(),
            Optional.empty());
    runtime.createContainer(
        new ContainerSpec(
            "demo-web-1",
            "busybox",
            Map.of(),
            spec,
            Networking.none(),
            Storage.none(),
            ContainerSpec.Resources.none(),
            Optional.empty(),
            ContainerSpec.RestartPolicy.NO,
            Optional.empty()));
    runtime.startContainer("demo-web-1");
    var exec =
        new ExecSpec(
            List.of("sh", "-c", "echo $MODE $EXTRA"),
            List.of("EXTRA=more"),
            Optional.empty(),
            Optional.empty(),
            false,
            false);

    assertThat(runtime.exec("demo-web-1", exec)).isEqualTo(new ExecResult(0, "test more\n", ""));
  }

  @Test
  void exec_ofACommandThatNeverEndsEndsWith137WhenTheContainerStops() throws Exception {
    runtime.createContainer(shell("demo-web-1", "sleep 3600"));
    runtime.startContainer("demo-web-1");
    var result = new AtomicReference<ExecResult>();
    Thread caller =
        new Thread(
            () -> {
              try {
                result.set(runtime.exec("demo-web-1", ExecSpec.of(List.of("tail", "-f", "/x"))));
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
              }
            });
    caller.start();
    while (caller.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }

    runtime.stopContainer("demo-web-1", Optional.empty());
    caller.join();

    assertThat(result.get()).isEqualTo(new ExecResult(137, "", ""));
  }

  @Test
  void waitContainer_honoursInterruption() throws Exception {
    runtime.createContainer(shell("demo-web-1", "sleep 3600"));
    runtime.startContainer("demo-web-1");
    var thrown = new AtomicReference<Throwable>();
    Thread caller =
        new Thread(
            () -> {
              try {
                runtime.waitContainer("demo-web-1");
              } catch (Throwable failure) {
                thrown.set(failure);
              }
            });
    caller.start();
    while (caller.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }

    caller.interrupt();
    caller.join();

    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertThat(runtime.maxConcurrentCalls("waitContainer")).isEqualTo(1);
  }

  @Test
  void inspectImage_readsAReferenceWithoutATagAsLatestAndFindsImagesById() {
    ImageSummary busybox = runtime.inspectImage("busybox").orElseThrow();

    assertThat(busybox.repoTags()).containsExactly("busybox:latest");
    assertThat(runtime.inspectImage("docker.io/library/busybox:latest")).contains(busybox);
    assertThat(runtime.inspectImage(busybox.id())).contains(busybox);
    assertThat(runtime.inspectImage(busybox.id().substring(7, 19))).contains(busybox);
    assertThat(runtime.inspectImage("busybox:1.36")).isEmpty();
  }

  @Test
  void pullImage_succeedsOnlyForPullableReferencesAndReportsProgress() throws InterruptedException {
    runtime.makePullable("nginx:1.27");
    List<ImageProgress> progress = new ArrayList<>();

    runtime.pullImage("nginx:1.27", Optional.empty(), progress::add);

    assertThat(progress)
        .last()
        .extracting(ImageProgress::status)
        .isEqualTo("Status: Downloaded newer image for nginx:1.27");
    assertThat(runtime.inspectImage("nginx:1.27")).isPresent();
    assertThatThrownBy(() -> runtime.pullImage("redis", Optional.empty(), report -> {}))
        .isInstanceOf(RuntimeFault.NotFound.class);
  }

  @Test
  void pushImage_sendsALocalImageToThePretendRegistry_andAMissingOneIsNotFound()
      throws InterruptedException {
    runtime.addImage("registry.example/web:1", Map.of());
    List<ImageProgress> progress = new ArrayList<>();

    runtime.pushImage("registry.example/web:1", progress::add);

    assertThat(progress).extracting(ImageProgress::status).contains("Pushed");
    assertThat(runtime.pushed()).containsExactly("registry.example/web:1");
    assertThatThrownBy(() -> runtime.pushImage("registry.example/web:2", report -> {}))
        .isInstanceOf(RuntimeFault.NotFound.class)
        .hasMessageContaining("does not exist locally");
  }

  @Test
  void buildImage_makesANewImageWithTheTagsAndLabelsTakingTheTagFromTheOldOne()
      throws InterruptedException {
    String oldId = runtime.addImage("demo-web", Map.of()).id();
    var build =
        new ImageBuild(
            Path.of("web"),
            "Dockerfile",
            List.of("demo-web", "demo-web:1.0"),
            Map.of(),
            Optional.empty(),
            Map.of("stage", "final"),
            false,
            false);

    String newId = runtime.buildImage(build, report -> {});

    assertThat(newId).isNotEqualTo(oldId);
    ImageSummary built = runtime.inspectImage("demo-web:latest").orElseThrow();
    assertThat(built.id()).isEqualTo(newId);
    assertThat(built.repoTags()).containsExactly("demo-web:latest", "demo-web:1.0");
    assertThat(built.labels()).containsEntry("stage", "final");
    assertThat(runtime.inspectImage(oldId).orElseThrow().repoTags()).isEmpty();
  }

  @Test
  void removeImage_usedByAContainerIsAConflictUnlessForced() {
    runtime.createContainer(shell("demo-web-1", "true"));

    assertThatThrownBy(() -> runtime.removeImage("busybox", false))
        .isInstanceOf(RuntimeFault.Conflict.class);

    runtime.removeImage("busybox", true);
    assertThat(runtime.inspectImage("busybox")).isEmpty();
  }

  @Test
  void removeImage_ofOneOfSeveralTagsOnlyRemovesThatTag() throws InterruptedException {
    var build =
        new ImageBuild(
            Path.of("."),
            "Dockerfile",
            List.of("demo-a", "demo-b"),
            Map.of(),
            Optional.empty(),
            Map.of(),
            false,
            false);
    String imageId = runtime.buildImage(build, report -> {});

    runtime.removeImage("demo-a", false);

    assertThat(runtime.inspectImage("demo-a")).isEmpty();
    assertThat(runtime.inspectImage(imageId).orElseThrow().repoTags())
        .containsExactly("demo-b:latest");
  }
}
