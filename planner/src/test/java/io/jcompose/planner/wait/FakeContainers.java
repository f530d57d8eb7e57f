package io.jcompose.planner.wait;

import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerStatus;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * A runtime that only knows containers' states, which the test sets between polls: enough for the
 * waiters. Every other call fails; subclasses script what they need. Thread-safe.
 */
public class FakeContainers implements ContainerRuntime {

  public static final String PROJECT = "demo";

  private final Map<String, ContainerDetails> containers = new ConcurrentSkipListMap<>();

  /** Adds or replaces a service container of project {@value #PROJECT}, by name. */
  public void put(ContainerDetails container) {
    containers.put(container.name(), container);
  }

  public void remove(String containerName) {
    containers.remove(containerName);
  }

  /** A service container {@code demo-<service>-<number>}. */
  public static ContainerDetails container(
      String serviceName, int number, ContainerStatus status, Optional<Health> health) {
    return container(serviceName, number, status, health, 0, false);
  }

  public static ContainerDetails exited(String serviceName, int number, int exitCode) {
    return container(
        serviceName, number, ContainerStatus.EXITED, Optional.empty(), exitCode, false);
  }

  public static ContainerDetails container(
      String serviceName,
      int number,
      ContainerStatus status,
      Optional<Health> health,
      int exitCode,
      boolean oneOff) {
    String name = PROJECT + "-" + serviceName + (oneOff ? "-run-" : "-") + number;
    var labels =
        Map.of(
            Labels.PROJECT,
            PROJECT,
            Labels.SERVICE,
            serviceName,
            Labels.CONTAINER_NUMBER,
            Integer.toString(number),
            Labels.ONEOFF,
            oneOff ? Labels.TRUE : Labels.FALSE,
            Labels.CONFIG_HASH,
            "hash");
    var summary =
        new ContainerSummary(
            "id-" + name,
            name,
            "alpine",
            "sha256:alpine",
            labels,
            status,
            status == ContainerStatus.EXITED ? Optional.of(exitCode) : Optional.empty(),
            Map.of(),
            List.of());
    boolean started = status != ContainerStatus.CREATED;
    Instant epoch = Instant.EPOCH;
    return new ContainerDetails(
        summary,
        exitCode,
        health,
        started ? Optional.of(epoch) : Optional.empty(),
        status == ContainerStatus.EXITED ? Optional.of(epoch) : Optional.empty(),
        0);
  }

  protected static RuntimeFault notScripted(String call) {
    return new RuntimeFault.Internal(call + " is not scripted in this test");
  }

  @Override
  public RuntimeInfo info() {
    throw notScripted("info");
  }

  @Override
  public List<ContainerSummary> listContainers(LabelFilter filter) {
    var found = new ArrayList<ContainerSummary>();
    for (ContainerDetails container : containers.values()) {
      if (filter.matches(container.summary().labels())) {
        found.add(container.summary());
      }
    }
    return found;
  }

  @Override
  public ContainerDetails inspectContainer(String containerIdOrName) {
    for (ContainerDetails container : containers.values()) {
      if (container.id().equals(containerIdOrName) || container.name().equals(containerIdOrName)) {
        return container;
      }
    }
    throw new RuntimeFault.NotFound("no such container: " + containerIdOrName);
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    throw notScripted("createContainer");
  }

  @Override
  public void startContainer(String containerIdOrName) {
    throw notScripted("startContainer");
  }

  @Override
  public void stopContainer(String containerIdOrName, Optional<Duration> timeout) {
    throw notScripted("stopContainer");
  }

  @Override
  public void killContainer(String containerIdOrName, String signal) {
    throw notScripted("killContainer");
  }

  @Override
  public void removeContainer(
      String containerIdOrName, boolean force, boolean removeAnonymousVolumes) {
    throw notScripted("removeContainer");
  }

  @Override
  public void renameContainer(String containerIdOrName, String newName) {
    throw notScripted("renameContainer");
  }

  @Override
  public int waitContainer(String containerIdOrName) throws InterruptedException {
    throw notScripted("waitContainer");
  }

  @Override
  public Subscription logs(String containerIdOrName, LogOptions options, Consumer<LogLine> sink) {
    throw notScripted("logs");
  }

  @Override
  public ExecResult exec(String containerIdOrName, ExecSpec spec) throws InterruptedException {
    throw notScripted("exec");
  }

  @Override
  public List<NetworkSummary> listNetworks(LabelFilter filter) {
    throw notScripted("listNetworks");
  }

  @Override
  public Optional<NetworkSummary> inspectNetwork(String networkIdOrName) {
    throw notScripted("inspectNetwork");
  }

  @Override
  public String createNetwork(NetworkSpec spec) {
    throw notScripted("createNetwork");
  }

  @Override
  public void removeNetwork(String networkIdOrName) {
    throw notScripted("removeNetwork");
  }

  @Override
  public void connectNetwork(
      String networkIdOrName, String containerIdOrName, EndpointSpec endpoint) {
    throw notScripted("connectNetwork");
  }

  @Override
  public void disconnectNetwork(String networkIdOrName, String containerIdOrName, boolean force) {
    throw notScripted("disconnectNetwork");
  }

  @Override
  public List<VolumeSummary> listVolumes(LabelFilter filter) {
    throw notScripted("listVolumes");
  }

  @Override
  public Optional<VolumeSummary> inspectVolume(String volumeName) {
    throw notScripted("inspectVolume");
  }

  @Override
  public VolumeSummary createVolume(VolumeSpec spec) {
    throw notScripted("createVolume");
  }

  @Override
  public void removeVolume(String volumeName, boolean force) {
    throw notScripted("removeVolume");
  }

  @Override
  public Optional<ImageSummary> inspectImage(String imageReference) {
    throw notScripted("inspectImage");
  }

  @Override
  public void pullImage(
      String imageReference, Optional<String> platform, Consumer<ImageProgress> progress)
      throws InterruptedException {
    throw notScripted("pullImage");
  }

  @Override
  public void pushImage(String imageReference, Consumer<ImageProgress> progress)
      throws InterruptedException {
    throw notScripted("pushImage");
  }

  @Override
  public String buildImage(ImageBuild build, Consumer<ImageProgress> progress)
      throws InterruptedException {
    throw notScripted("buildImage");
  }

  @Override
  public void removeImage(String imageReference, boolean force) {
    throw notScripted("removeImage");
  }

  @Override
  public Subscription events(LabelFilter filter, Consumer<RuntimeEvent> sink) {
    throw notScripted("events");
  }
}
