package io.jcompose.planner.runtime;

import io.jcompose.planner.runtime.RuntimeLock.Call;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.EndpointSpec;
import io.jcompose.planner.spi.ExecResult;
import io.jcompose.planner.spi.ExecSpec;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.ImageSummary;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.NetworkSpec;
import io.jcompose.planner.spi.NetworkSummary;
import io.jcompose.planner.spi.RuntimeEvent;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.RuntimeInfo;
import io.jcompose.planner.spi.Subscription;
import io.jcompose.planner.spi.VolumeSpec;
import io.jcompose.planner.spi.VolumeSummary;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A thread-safe, in-memory {@link ContainerRuntime} for the planner's tests that answers the way
 * dockerd would: the same faults for the same mistakes, 64-hex IDs (deterministic: the same calls
 * give the same IDs), predefined {@code bridge}/{@code host}/{@code none} networks, named volumes
 * created on demand, events. Containers run their command through a tiny shell ({@link MiniShell}):
 * a program that reaches {@code sleep} or {@code tail -f} stays running, anything else runs to its
 * end at once; an image without a command given runs until stopped, like a server. Stop exits with
 * 143 (the stop signal's {@code 128 + n}), kill with {@code 128 + n} (137 for {@code SIGKILL}).
 * Restart policies are not applied. Nothing waits for real: log and event subscribers are fed by
 * the calling threads once the runtime's lock is released, in order.
 *
 * <p>A healthcheck's verdict ({@code CMD}/{@code CMD-SHELL} run through the same shell) shows from
 * the second inspect after a start on; the first shows {@code starting}.
 *
 * <p>Test controls are the public methods below the SPI; they are not recorded in {@link #calls()}.
 * Call log entries are the method name and its target: the container's name (resolved from an ID
 * when the container exists; {@code renameContainer old new}), the network's name ({@code
 * connectNetwork network container}), the volume's name, the image reference (for {@code
 * buildImage} its first tag), or the label filter as sorted {@code key=value} or {@code key}
 * entries joined by commas (nothing for {@link LabelFilter#any()}, nor for {@code info}).
 *
 * <p>To see how many calls the code under test makes at once: {@code holdCalls("startContainer",
 * release)}, run the code on its own threads, {@code awaitHeldCalls("startContainer", 2, timeout)},
 * then {@code release.countDown()} and read {@link #maxConcurrentCalls(String)}. Held calls hold no
 * lock, so other calls go on meanwhile.
 */
public final class InMemoryRuntime implements ContainerRuntime {

  private final CallRecorder recorder = new CallRecorder();
  private final RuntimeLock lock = new RuntimeLock(recorder);
  private final EventHub events;
  private final ImageTable images;
  private final NetworkTable networks;
  private final VolumeTable volumes;
  private final ContainerTable containers;

  public InMemoryRuntime() {
    this(Clock.systemUTC());
  }

  /**
   * @param clock stamps log lines, events and start/finish times
   */
  public InMemoryRuntime(Clock clock) {
    var ids = new IdSequence();
    events = new EventHub(clock);
    images = new ImageTable(ids, events);
    networks = new NetworkTable(ids, events);
    volumes = new VolumeTable(events);
    containers = new ContainerTable(clock, ids, events, images, networks, volumes);
  }

  @Override
  public RuntimeInfo info() {
    try (Call call = lock.call("info", "")) {
      return new RuntimeInfo("in-memory", "0.1.0", "1.44", "linux", "amd64");
    }
  }

  @Override
  public List<ContainerSummary> listContainers(LabelFilter filter) {
    try (Call call = lock.call("listContainers", filterText(filter))) {
      return containers.list(filter);
    }
  }

  @Override
  public ContainerDetails inspectContainer(String containerIdOrName) {
    try (Call call = lock.call("inspectContainer", containerTarget(containerIdOrName))) {
      return containers.inspect(containers.require(containerIdOrName));
    }
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    try (Call call = lock.call("createContainer", spec.name())) {
      return containers.create(spec);
    }
  }

  @Override
  public void startContainer(String containerIdOrName) {
    try (Call call = lock.call("startContainer", containerTarget(containerIdOrName))) {
      containers.start(containers.require(containerIdOrName));
    }
  }

  @Override
  public void stopContainer(String containerIdOrName, Optional<Duration> timeout) {
    try (Call call = lock.call("stopContainer", containerTarget(containerIdOrName))) {
      containers.stop(containers.require(containerIdOrName));
    }
  }

  @Override
  public void killContainer(String containerIdOrName, String signal) {
    try (Call call = lock.call("killContainer", containerTarget(containerIdOrName))) {
      containers.kill(containers.require(containerIdOrName), signal);
    }
  }

  @Override
  public void removeContainer(
      String containerIdOrName, boolean force, boolean removeAnonymousVolumes) {
    try (Call call = lock.call("removeContainer", containerTarget(containerIdOrName))) {
      containers.remove(containers.require(containerIdOrName), force, removeAnonymousVolumes);
    }
  }

  @Override
  public void renameContainer(String containerIdOrName, String newName) {
    try (Call call =
        lock.call("renameContainer", containerTarget(containerIdOrName) + " " + newName)) {
      containers.rename(containers.require(containerIdOrName), newName);
    }
  }

  @Override
  public int waitContainer(String containerIdOrName) throws InterruptedException {
    try (Call call = lock.callInterruptibly("waitContainer", containerTarget(containerIdOrName))) {
      InMemoryContainer container = containers.require(containerIdOrName);
      while (container.running()) {
        lock.awaitChange();
      }
      return container.exitCode();
    }
  }

  @Override
  public Subscription logs(String containerIdOrName, LogOptions options, Consumer<LogLine> sink) {
    try (Call call = lock.call("logs", containerTarget(containerIdOrName))) {
      Feed<LogLine> feed = containers.require(containerIdOrName).logs(options, sink);
      lock.track(feed);
      return feed;
    }
  }

  @Override
  public ExecResult exec(String containerIdOrName, ExecSpec spec) throws InterruptedException {
    try (Call call = lock.callInterruptibly("exec", containerTarget(containerIdOrName))) {
      InMemoryContainer container = containers.require(containerIdOrName);
      if (!container.running()) {
        throw new RuntimeFault.Conflict("container " + container.id() + " is not running");
      }
      MiniShell.Run run =
          MiniShell.run(spec.command(), container.environment(spec.environment()), false);
      while (run.stillRunning() && container.running()) {
        lock.awaitChange();
      }
      int exitCode = run.stillRunning() ? Signal.SIGKILL.exitCode() : run.exitCode().getAsInt();
      return new ExecResult(
          exitCode, text(run, LogLine.Stream.STDOUT), text(run, LogLine.Stream.STDERR));
    }
  }

  @Override
  public List<NetworkSummary> listNetworks(LabelFilter filter) {
    try (Call call = lock.call("listNetworks", filterText(filter))) {
      var summaries = new ArrayList<NetworkSummary>();
      for (NetworkTable.Network network : networks.list(filter)) {
        summaries.add(network.summary(containers.runningOn(network.id())));
      }
      return summaries;
    }
  }

  @Override
  public Optional<NetworkSummary> inspectNetwork(String networkIdOrName) {
    try (Call call = lock.call("inspectNetwork", networkTarget(networkIdOrName))) {
      Optional<NetworkTable.Network> network = networks.find(networkIdOrName);
      if (network.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(network.get().summary(containers.runningOn(network.get().id())));
    }
  }

  @Override
  public String createNetwork(NetworkSpec spec) {
    try (Call call = lock.call("createNetwork", spec.name())) {
      return networks.create(spec);
    }
  }

  @Override
  public void removeNetwork(String networkIdOrName) {
    try (Call call = lock.call("removeNetwork", networkTarget(networkIdOrName))) {
      NetworkTable.Network network = networks.require(networkIdOrName);
      if (!containers.runningOn(network.id()).isEmpty()) {
        throw new RuntimeFault.Conflict(
            "error while removing network: network "
                + network.name()
                + " id "
                + network.id()
                + " has active endpoints");
      }
      networks.remove(network);
    }
  }

  @Override
  public void connectNetwork(
      String networkIdOrName, String containerIdOrName, EndpointSpec endpoint) {
    String target = networkTarget(networkIdOrName) + " " + containerTarget(containerIdOrName);
    try (Call call = lock.call("connectNetwork", target)) {
      containers.connect(networks.require(networkIdOrName), containers.require(containerIdOrName));
    }
  }

  @Override
  public void disconnectNetwork(String networkIdOrName, String containerIdOrName, boolean force) {
    String target = networkTarget(networkIdOrName) + " " + containerTarget(containerIdOrName);
    try (Call call = lock.call("disconnectNetwork", target)) {
      containers.disconnect(
          networks.require(networkIdOrName), containers.require(containerIdOrName));
    }
  }

  @Override
  public List<VolumeSummary> listVolumes(LabelFilter filter) {
    try (Call call = lock.call("listVolumes", filterText(filter))) {
      return volumes.list(filter);
    }
  }

  @Override
  public Optional<VolumeSummary> inspectVolume(String volumeName) {
    try (Call call = lock.call("inspectVolume", volumeName)) {
      return volumes.find(volumeName);
    }
  }

  @Override
  public VolumeSummary createVolume(VolumeSpec spec) {
    try (Call call = lock.call("createVolume", spec.name())) {
      return volumes.create(spec);
    }
  }

  /** As dockerd: a volume in use is a conflict even with {@code force}; a missing one is not. */
  @Override
  public void removeVolume(String volumeName, boolean force) {
    try (Call call = lock.call("removeVolume", volumeName)) {
      if (volumes.find(volumeName).isEmpty()) {
        if (force) {
          return;
        }
        throw new RuntimeFault.NotFound("get " + volumeName + ": no such volume");
      }
      if (containers.usesVolume(volumeName)) {
        throw new RuntimeFault.Conflict("remove " + volumeName + ": volume is in use");
      }
      volumes.remove(volumeName);
    }
  }

  @Override
  public Optional<ImageSummary> inspectImage(String imageReference) {
    try (Call call = lock.call("inspectImage", imageReference)) {
      return images.find(imageReference);
    }
  }

  /** Succeeds for references given to {@link #makePullable}; others are not found. */
  @Override
  public void pullImage(
      String imageReference, Optional<String> platform, Consumer<ImageProgress> progress)
      throws InterruptedException {
    List<ImageProgress> reports;
    try (Call call = lock.callInterruptibly("pullImage", imageReference)) {
      reports = images.pull(imageReference);
    }
    for (ImageProgress report : reports) {
      progress.accept(report);
    }
  }

  /** Succeeds for local images; the pushed references are then {@link #pushed}. */
  @Override
  public void pushImage(String imageReference, Consumer<ImageProgress> progress)
      throws InterruptedException {
    List<ImageProgress> reports;
    try (Call call = lock.callInterruptibly("pushImage", imageReference)) {
      reports = images.push(imageReference);
    }
    for (ImageProgress report : reports) {
      progress.accept(report);
    }
  }

  /** Makes a new image with the build's labels and tags; the context is not read. */
  @Override
  public String buildImage(ImageBuild build, Consumer<ImageProgress> progress)
      throws InterruptedException {
    String target = build.tags().isEmpty() ? build.context().toString() : build.tags().get(0);
    var reports = new ArrayList<ImageProgress>();
    String imageId;
    try (Call call = lock.callInterruptibly("buildImage", target)) {
      imageId = images.build(build, reports);
    }
    for (ImageProgress report : reports) {
      progress.accept(report);
    }
    return imageId;
  }

  @Override
  public void removeImage(String imageReference, boolean force) {
    try (Call call = lock.call("removeImage", imageReference)) {
      ImageSummary image = images.require(imageReference);
      images.remove(imageReference, force, containers.usingImage(image.id()));
    }
  }

  @Override
  public Subscription events(LabelFilter filter, Consumer<RuntimeEvent> sink) {
    try (Call call = lock.call("events", filterText(filter))) {
      var feed = new Feed<RuntimeEvent>(sink);
      events.subscribe(filter, feed);
      lock.track(feed);
      return feed;
    }
  }

  // test controls

  /** Puts an image in the local store (a new ID; the tag moves from any image that had it). */
  public ImageSummary addImage(String reference, Map<String, String> labels) {
    try (Call control = lock.control()) {
      return images.add(reference, labels);
    }
  }

  /** The references pushed to the pretend registry so far, normalised ({@code nginx:latest}). */
  public java.util.Set<String> pushed() {
    try (Call control = lock.control()) {
      return images.pushed();
    }
  }

  /** Lets {@link #pullImage} find this reference in the pretend registry. */
  public void makePullable(String reference) {
    try (Call control = lock.control()) {
      images.makePullable(reference);
    }
  }

  /**
   * Makes a running container's process exit with this code ({@code die} event, waiters return).
   *
   * @throws IllegalStateException when the container is not running
   */
  public void exit(String containerIdOrName, int exitCode) {
    try (Call control = lock.control()) {
      InMemoryContainer container = containers.require(containerIdOrName);
      if (!container.running()) {
        throw new IllegalStateException(container.name() + " is not running");
      }
      containers.exit(container, exitCode);
    }
  }

  /**
   * Appends a line to a running container's output, as its process would; log followers get it.
   *
   * @throws IllegalStateException when the container is not running
   */
  public void writeLog(String containerIdOrName, LogLine.Stream stream, String text) {
    try (Call control = lock.control()) {
      InMemoryContainer container = containers.require(containerIdOrName);
      if (!container.running()) {
        throw new IllegalStateException(container.name() + " is not running");
      }
      containers.write(container, new MiniShell.Output(stream, text));
    }
  }

  /** Reports this health for the container from now on, whatever its healthcheck says. */
  public void setHealth(String containerIdOrName, Health health) {
    try (Call control = lock.control()) {
      containers.overrideHealth(containers.require(containerIdOrName), health);
    }
  }

  /**
   * Makes the next call of this method with this target (as {@link #calls()} shows it) throw the
   * fault instead of acting; it still appears in the call log. Each planned fault fires once.
   */
  public void failNext(String callName, String target, RuntimeFault fault) {
    recorder.failNext(callName, target, fault);
  }

  /** The SPI calls so far, in the order they began: {@code "startContainer demo-web-1"}. */
  public List<String> calls() {
    return recorder.log();
  }

  /** Forgets the calls so far (after a test has set the scene through the SPI). */
  public void clearCalls() {
    recorder.clearLog();
  }

  /** The most SPI calls that were in flight at once, held ones and waiting ones included. */
  public int maxConcurrentCalls() {
    return recorder.mostInFlight();
  }

  /** The most calls of this method that were in flight at once. */
  public int maxConcurrentCalls(String callName) {
    return recorder.mostInFlight(callName);
  }

  /**
   * Holds every call of this method, once it has begun (counted in flight and logged), until {@code
   * release} reaches zero; calls made after that pass. An interrupted held call ends with {@link
   * InterruptedException} where the method declares it, else with {@link RuntimeFault.Unavailable}
   * and the interrupt flag set.
   */
  public void holdCalls(String callName, CountDownLatch release) {
    recorder.hold(callName, release);
  }

  /**
   * Waits until at least {@code count} calls of this method are held by {@link #holdCalls}.
   *
   * @return false when the timeout passed first
   */
  public boolean awaitHeldCalls(String callName, int count, Duration timeout)
      throws InterruptedException {
    return recorder.awaitHeld(callName, count, timeout);
  }

  // plumbing

  private String containerTarget(String containerIdOrName) {
    try (Call lookup = lock.control()) {
      Optional<InMemoryContainer> container = containers.find(containerIdOrName);
      return container.isPresent() ? container.get().name() : containerIdOrName;
    } catch (RuntimeFault ambiguous) {
      return containerIdOrName;
    }
  }

  private String networkTarget(String networkIdOrName) {
    try (Call lookup = lock.control()) {
      Optional<NetworkTable.Network> network = networks.find(networkIdOrName);
      return network.isPresent() ? network.get().name() : networkIdOrName;
    }
  }

  private static String filterText(LabelFilter filter) {
    var entries = new ArrayList<String>();
    for (Map.Entry<String, Optional<String>> label : new TreeMap<>(filter.labels()).entrySet()) {
      entries.add(
          label.getValue().isPresent()
              ? label.getKey() + "=" + label.getValue().get()
              : label.getKey());
    }
    return String.join(",", entries);
  }

  private static String text(MiniShell.Run run, LogLine.Stream stream) {
    var text = new StringBuilder();
    for (MiniShell.Output output : run.output()) {
      if (output.stream() == stream) {
        text.append(output.text()).append('\n');
      }
    }
    return text.toString();
  }
}
