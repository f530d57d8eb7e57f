package io.jcompose.planner.execute;

import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.NetworkSpec;
import io.jcompose.planner.spi.VolumeSpec;
import io.jcompose.planner.spi.VolumeSummary;
import io.jcompose.planner.wait.FakeContainers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A runtime that records the calls the executor makes ({@code start demo-web-1}) and runs what the
 * test scripted for a call: block on a latch, throw a fault. Unscripted calls succeed. Counts the
 * calls in flight and the most seen at once. Container states for waits come from {@link
 * FakeContainers}.
 */
final class ScriptedRuntime extends FakeContainers {

  /** What a call does; may block or throw. */
  @FunctionalInterface
  interface Script {
    void run() throws InterruptedException;
  }

  private final Map<String, Script> scripts = new ConcurrentHashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<String> completed = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();

  /** Scripts a call, named as {@link #calls()} names it. */
  ScriptedRuntime on(String call, Script script) {
    scripts.put(call, script);
    return this;
  }

  /** Scripts a call to throw {@code fault}. */
  ScriptedRuntime fails(String call, RuntimeException fault) {
    return on(
        call,
        () -> {
          throw fault;
        });
  }

  /** Every call as it began, in order: {@code create demo-web-1}, {@code pull alpine}. */
  List<String> calls() {
    return List.copyOf(calls);
  }

  /** Every call that returned without throwing, in order. */
  List<String> completed() {
    return List.copyOf(completed);
  }

  int mostInFlight() {
    return mostInFlight.get();
  }

  int inFlight() {
    return inFlight.get();
  }

  private void call(String call) throws InterruptedException {
    calls.add(call);
    int now = inFlight.incrementAndGet();
    mostInFlight.accumulateAndGet(now, Math::max);
    try {
      Script script = scripts.get(call);
      if (script != null) {
        script.run();
      }
      completed.add(call);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void uninterruptibleCall(String call) {
    try {
      call(call);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(call + " was interrupted", interrupted);
    }
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    uninterruptibleCall("create " + spec.name());
    return "id-" + spec.name();
  }

  @Override
  public void startContainer(String containerIdOrName) {
    uninterruptibleCall("start " + containerIdOrName);
  }

  @Override
  public void stopContainer(String containerIdOrName, Optional<Duration> timeout) {
    uninterruptibleCall("stop " + containerIdOrName);
  }

  @Override
  public void removeContainer(
      String containerIdOrName, boolean force, boolean removeAnonymousVolumes) {
    uninterruptibleCall("remove " + containerIdOrName);
  }

  @Override
  public void renameContainer(String containerIdOrName, String newName) {
    uninterruptibleCall("rename " + containerIdOrName + " " + newName);
  }

  @Override
  public String createNetwork(NetworkSpec spec) {
    uninterruptibleCall("create network " + spec.name());
    return "id-" + spec.name();
  }

  @Override
  public void removeNetwork(String networkIdOrName) {
    uninterruptibleCall("remove network " + networkIdOrName);
  }

  @Override
  public VolumeSummary createVolume(VolumeSpec spec) {
    uninterruptibleCall("create volume " + spec.name());
    return new VolumeSummary(spec.name(), "local", spec.labels(), "/volumes/" + spec.name());
  }

  @Override
  public void removeVolume(String volumeName, boolean force) {
    uninterruptibleCall("remove volume " + volumeName);
  }

  @Override
  public void pullImage(
      String imageReference, Optional<String> platform, Consumer<ImageProgress> progress)
      throws InterruptedException {
    call("pull " + imageReference);
    progress.accept(new ImageProgress("layer1", "Downloading", 5, 10));
    progress.accept(new ImageProgress("layer1", "Pull complete", 10, 10));
  }

  @Override
  public void pushImage(String imageReference, Consumer<ImageProgress> progress)
      throws InterruptedException {
    call("push " + imageReference);
    progress.accept(new ImageProgress("layer1", "Pushing", 5, 10));
    progress.accept(new ImageProgress("layer1", "Pushed", -1, -1));
  }

  @Override
  public String buildImage(ImageBuild build, Consumer<ImageProgress> progress)
      throws InterruptedException {
    call("build " + build.tags());
    progress.accept(new ImageProgress("", "Step 1/1", -1, -1));
    return "sha256:built";
  }

  @Override
  public void removeImage(String imageReference, boolean force) {
    uninterruptibleCall("remove image " + imageReference);
  }
}
