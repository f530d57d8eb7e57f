package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import io.jcompose.planner.spi.ContainerDetails;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The runtime SPI over docker-java, for any Docker-API endpoint (dockerd, podman's socket, the
 * bundled engine). {@link #connect} negotiates the API version and pins docker-java to it; every
 * docker-java failure reaches the caller as a {@link RuntimeFault}.
 */
public final class DockerRuntime implements ContainerRuntime, AutoCloseable {

  private final Endpoint endpoint;
  private final ApiVersion apiVersion;
  private final DockerHttpClient http;
  private final DockerClient docker;
  private final Faults faults;
  private final Containers containers;
  private final ContainerCreation creation;
  private final Logs logs;
  private final Execs execs;
  private final Networks networks;
  private final Volumes volumes;
  private final Images images;
  private final ImageBuilds builds;
  private final Events events;
  private final DockerTools tools;
  private final HijackedStreams streams;

  private DockerRuntime(
      Endpoint endpoint,
      ApiVersion apiVersion,
      DockerHttpClient http,
      DockerClient docker,
      Faults faults,
      RegistryCredentials credentials) {
    this.endpoint = endpoint;
    this.apiVersion = apiVersion;
    this.http = http;
    this.docker = docker;
    this.faults = faults;
    var raw = new RawApi(http, apiVersion, faults);
    this.containers = new Containers(docker, raw, faults);
    this.creation = new ContainerCreation(docker, faults, apiVersion);
    this.logs = new Logs(docker, faults);
    this.execs = new Execs(docker, faults);
    this.networks = new Networks(docker, faults);
    this.volumes = new Volumes(docker, raw, faults);
    this.images = new Images(docker, faults, credentials);
    this.builds =
        new ImageBuilds(docker, new RawExchange(http, apiVersion, faults), faults, credentials);
    this.events = new Events(docker, faults, Clock.systemUTC());
    this.tools = new DockerTools(docker, new RawExchange(http, apiVersion, faults), faults, events);
    this.streams =
        new HijackedStreams(
            docker, raw, new Hijack(endpoint, apiVersion, faults), creation, faults);
  }

  /**
   * Connects to the endpoint: pings it unversioned, picks the lower of its API version and the
   * highest jcompose is tested with, and pins docker-java to that level.
   *
   * @param environment {@code DOCKER_CONFIG}/{@code HOME} and {@code PATH}, for registry
   *     credentials
   * @throws RuntimeFault.Unavailable when the daemon does not answer, or speaks only API levels
   *     older than 1.24
   */
  public static DockerRuntime connect(Endpoint endpoint, Map<String, String> environment) {
    String description = endpoint.uri() + " (from " + endpoint.origin().description() + ")";
    var faults = new Faults(description);
    DockerHttpClient http = Transport.open(endpoint);
    try {
      ApiVersion apiVersion = VersionNegotiation.negotiate(http, faults, description);
      DockerClient docker = DockerClientImpl.getInstance(clientConfig(endpoint, apiVersion), http);
      return new DockerRuntime(
          endpoint,
          apiVersion,
          http,
          docker,
          faults,
          RegistryCredentials.fromEnvironment(environment));
    } catch (RuntimeException failure) {
      StreamCallback.closeQuietly(http);
      throw failure;
    }
  }

  /**
   * Everything set explicitly, so that neither docker-java.properties, system properties nor a
   * docker context can move the client off the endpoint discovery chose. No client configuration
   * directory is given, so docker-java reads no config.json: registry credentials go per request.
   */
  private static DefaultDockerClientConfig clientConfig(Endpoint endpoint, ApiVersion apiVersion) {
    var builder =
        new DefaultDockerClientConfig.Builder()
            .withDockerHost(endpoint.uri().toString())
            .withApiVersion(apiVersion.toString())
            .withDockerTlsVerify(endpoint.tls().isPresent());
    endpoint
        .tls()
        .ifPresent(
            tls -> {
              builder.withDockerCertPath(tls.certificateDirectory().toString());
              Transport.sslConfig(endpoint.tls())
                  .ifPresent(ssl -> builder.withCustomSslConfig(ssl::getSSLContext));
            });
    return builder.build();
  }

  /** The endpoint this runtime talks to. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The negotiated API version, {@code 1.41}. */
  public String apiVersion() {
    return apiVersion.toString();
  }

  /** Exec and attach with standard input, terminal resizes (interactive verbs). */
  public ContainerStreams streams() {
    return streams;
  }

  @Override
  public RuntimeInfo info() {
    Version version = faults.call(() -> docker.versionCmd().exec());
    String platform = version.getPlatform() == null ? null : version.getPlatform().getName();
    return new RuntimeInfo(
        platform == null || platform.isBlank() ? "Docker Engine" : platform,
        ContainerViews.nullToEmpty(version.getVersion()),
        apiVersion.toString(),
        ContainerViews.nullToEmpty(version.getOperatingSystem()),
        ContainerViews.nullToEmpty(version.getArch()));
  }

  @Override
  public List<ContainerSummary> listContainers(LabelFilter filter) {
    return containers.list(filter);
  }

  @Override
  public ContainerDetails inspectContainer(String containerIdOrName) {
    return containers.inspect(containerIdOrName);
  }

  @Override
  public String createContainer(ContainerSpec spec) {
    return creation.create(spec);
  }

  @Override
  public void startContainer(String containerIdOrName) {
    containers.start(containerIdOrName);
  }

  @Override
  public void stopContainer(String containerIdOrName, Optional<Duration> timeout) {
    containers.stop(containerIdOrName, timeout);
  }

  @Override
  public void killContainer(String containerIdOrName, String signal) {
    containers.kill(containerIdOrName, signal);
  }

  @Override
  public void removeContainer(
      String containerIdOrName, boolean force, boolean removeAnonymousVolumes) {
    containers.remove(containerIdOrName, force, removeAnonymousVolumes);
  }

  @Override
  public void renameContainer(String containerIdOrName, String newName) {
    containers.rename(containerIdOrName, newName);
  }

  @Override
  public int waitContainer(String containerIdOrName) throws InterruptedException {
    return containers.await(containerIdOrName);
  }

  @Override
  public Subscription logs(String containerIdOrName, LogOptions options, Consumer<LogLine> sink) {
    return logs.stream(containerIdOrName, options, sink);
  }

  @Override
  public ExecResult exec(String containerIdOrName, ExecSpec spec) throws InterruptedException {
    return execs.run(containerIdOrName, spec);
  }

  @Override
  public List<NetworkSummary> listNetworks(LabelFilter filter) {
    return networks.list(filter);
  }

  @Override
  public Optional<NetworkSummary> inspectNetwork(String networkIdOrName) {
    return networks.inspect(networkIdOrName);
  }

  @Override
  public String createNetwork(NetworkSpec spec) {
    return networks.create(spec);
  }

  @Override
  public void removeNetwork(String networkIdOrName) {
    networks.remove(networkIdOrName);
  }

  @Override
  public void connectNetwork(
      String networkIdOrName, String containerIdOrName, EndpointSpec endpointSpec) {
    networks.connect(networkIdOrName, containerIdOrName, endpointSpec);
  }

  @Override
  public void disconnectNetwork(String networkIdOrName, String containerIdOrName, boolean force) {
    networks.disconnect(networkIdOrName, containerIdOrName, force);
  }

  @Override
  public List<VolumeSummary> listVolumes(LabelFilter filter) {
    return volumes.list(filter);
  }

  @Override
  public Optional<VolumeSummary> inspectVolume(String volumeName) {
    return volumes.inspect(volumeName);
  }

  @Override
  public VolumeSummary createVolume(VolumeSpec spec) {
    return volumes.create(spec);
  }

  @Override
  public void removeVolume(String volumeName, boolean force) {
    volumes.remove(volumeName, force);
  }

  @Override
  public Optional<ImageSummary> inspectImage(String imageReference) {
    return images.inspect(imageReference);
  }

  @Override
  public void pullImage(
      String imageReference, Optional<String> platform, Consumer<ImageProgress> progress)
      throws InterruptedException {
    images.pull(imageReference, platform, progress);
  }

  @Override
  public void pushImage(String imageReference, Consumer<ImageProgress> progress)
      throws InterruptedException {
    images.push(imageReference, progress);
  }

  @Override
  public String buildImage(ImageBuild build, Consumer<ImageProgress> progress)
      throws InterruptedException {
    return builds.build(build, progress);
  }

  @Override
  public void removeImage(String imageReference, boolean force) {
    images.remove(imageReference, force);
  }

  @Override
  public Subscription events(LabelFilter filter, Consumer<RuntimeEvent> sink) {
    return events.subscribe(filter, sink);
  }

  /** What {@code cp}, {@code top}, {@code stats}, {@code pause} and {@code images} need. */
  public io.jcompose.adapter.tools.ContainerTools tools() {
    return tools;
  }

  @Override
  public void close() {
    StreamCallback.closeQuietly(docker);
    StreamCallback.closeQuietly(http);
  }
}
