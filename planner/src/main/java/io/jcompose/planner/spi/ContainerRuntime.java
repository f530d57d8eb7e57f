package io.jcompose.planner.spi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A container endpoint as the planner sees it: a Docker-API daemon through the adapter, the bundled
 * engine, or the in-memory runtime of the unit tests. Containers are addressed by ID or by name
 * (names are unique on an endpoint, so a plan can name containers that do not exist yet).
 *
 * <p>Every method may throw a {@link RuntimeFault}; implementations map their own errors onto its
 * categories in one place. Blocking methods honour interruption.
 */
public interface ContainerRuntime {

  /** What the endpoint is: name, version, API version, platform. */
  RuntimeInfo info();

  // containers

  /** Every container (running or not) whose labels match the filter. */
  List<ContainerSummary> listContainers(LabelFilter filter);

  /**
   * @throws RuntimeFault.NotFound when no container has this ID or name
   */
  ContainerDetails inspectContainer(String containerIdOrName);

  /**
   * Creates a container without starting it.
   *
   * @return the new container's ID
   * @throws RuntimeFault.Conflict when the name is taken
   * @throws RuntimeFault.NotFound when the image is not present
   */
  String createContainer(ContainerSpec spec);

  /** Starts a created or stopped container; starting a running one does nothing. */
  void startContainer(String containerIdOrName);

  /**
   * Sends the stop signal, then kills after the timeout; stopping a stopped container does nothing.
   *
   * @param timeout empty for the container's own stop timeout (the engine default is 10 s)
   */
  void stopContainer(String containerIdOrName, Optional<Duration> timeout);

  /** Sends a signal ({@code SIGKILL}, {@code SIGTERM}, {@code 9} ...) to a running container. */
  void killContainer(String containerIdOrName, String signal);

  /**
   * @param force also remove a running container (it is killed)
   * @param removeAnonymousVolumes remove the container's anonymous volumes with it
   */
  void removeContainer(String containerIdOrName, boolean force, boolean removeAnonymousVolumes);

  /**
   * @throws RuntimeFault.Conflict when the new name is taken
   */
  void renameContainer(String containerIdOrName, String newName);

  /** Blocks until the container is not running and returns its exit code. */
  int waitContainer(String containerIdOrName) throws InterruptedException;

  /**
   * Streams the container's output to the sink, from the start (or the tail) of its log; with
   * {@link LogOptions#follow()} it keeps streaming until the container stops or the subscription is
   * closed.
   */
  Subscription logs(String containerIdOrName, LogOptions options, Consumer<LogLine> sink);

  /** Runs a command in a running container and collects its output. */
  ExecResult exec(String containerIdOrName, ExecSpec spec) throws InterruptedException;

  // networks

  List<NetworkSummary> listNetworks(LabelFilter filter);

  Optional<NetworkSummary> inspectNetwork(String networkIdOrName);

  /**
   * @return the new network's ID
   * @throws RuntimeFault.Conflict when a network of that name exists
   */
  String createNetwork(NetworkSpec spec);

  /**
   * @throws RuntimeFault.Conflict when containers are still attached
   */
  void removeNetwork(String networkIdOrName);

  /** Attaches a container to a network with its aliases. */
  void connectNetwork(String networkIdOrName, String containerIdOrName, EndpointSpec endpoint);

  void disconnectNetwork(String networkIdOrName, String containerIdOrName, boolean force);

  // volumes

  List<VolumeSummary> listVolumes(LabelFilter filter);

  Optional<VolumeSummary> inspectVolume(String volumeName);

  /** Creates a volume; creating one that exists with the same driver returns it. */
  VolumeSummary createVolume(VolumeSpec spec);

  /**
   * @throws RuntimeFault.Conflict when a container uses it
   */
  void removeVolume(String volumeName, boolean force);

  // images

  Optional<ImageSummary> inspectImage(String imageReference);

  /**
   * Pulls an image, reporting layer progress.
   *
   * @throws RuntimeFault.NotFound when the registry has no such image
   * @throws RuntimeFault.Unauthenticated when the registry refuses the credentials
   */
  void pullImage(String imageReference, Optional<String> platform, Consumer<ImageProgress> progress)
      throws InterruptedException;

  /**
   * Pushes a local image's tag to its registry, reporting layer progress.
   *
   * @throws RuntimeFault.NotFound when no local image has this reference
   * @throws RuntimeFault.Unauthenticated when the registry refuses the credentials
   */
  void pushImage(String imageReference, Consumer<ImageProgress> progress)
      throws InterruptedException;

  /**
   * Builds an image from a context directory and tags it.
   *
   * @return the built image's ID
   */
  String buildImage(ImageBuild build, Consumer<ImageProgress> progress) throws InterruptedException;

  /**
   * @throws RuntimeFault.Conflict when a container uses it and {@code force} is false
   */
  void removeImage(String imageReference, boolean force);

  // events

  /** Streams the endpoint's events that match the filter until the subscription is closed. */
  Subscription events(LabelFilter filter, Consumer<RuntimeEvent> sink);
}
