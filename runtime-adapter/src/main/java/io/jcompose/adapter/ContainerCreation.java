package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Ulimit;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.api.model.VolumesFrom;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.EndpointSpec;
import io.jcompose.planner.spi.RuntimeFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Creates a container from a {@link ContainerSpec}: the create request joins the first network (the
 * network mode) with its aliases and addresses; the other networks are connected right after, since
 * docker-java's create carries one endpoint only (at API 1.44 the daemon would take them all at
 * once, below it must be connects anyway).
 */
final class ContainerCreation {

  private final DockerClient docker;
  private final Faults faults;
  private final ApiVersion apiVersion;

  ContainerCreation(DockerClient docker, Faults faults, ApiVersion apiVersion) {
    this.docker = docker;
    this.faults = faults;
    this.apiVersion = apiVersion;
  }

  String create(ContainerSpec spec) {
    return create(spec, false, false);
  }

  /**
   * @param attachStdin standard input is opened for one attached client ({@code docker run -i}):
   *     its EOF closes it
   * @param autoRemove the daemon removes the container when it exits ({@code run -d --rm})
   */
  String create(ContainerSpec spec, boolean attachStdin, boolean autoRemove) {
    var host = HostConfig.newHostConfig();
    CreateContainerCmd command =
        docker.createContainerCmd(spec.image()).withName(spec.name()).withLabels(spec.labels());
    process(spec.process(), command, host);
    if (attachStdin) {
      command.withAttachStdin(true).withStdinOpen(true).withStdInOnce(true);
      command.withAttachStdout(true).withAttachStderr(true);
    }
    if (autoRemove) {
      host.withAutoRemove(true);
    }
    Optional<String> firstNetwork = networking(spec.networking(), command, host);
    storage(spec.storage(), command, host);
    resources(spec.resources(), host);
    spec.health().ifPresent(health -> command.withHealthcheck(healthCheck(health)));
    host.withRestartPolicy(restartPolicy(spec.restart()));
    spec.logging().ifPresent(logging -> host.withLogConfig(logConfig(logging)));
    command.withHostConfig(host);

    String containerId = faults.call(command::exec).getId();
    var others = new TreeMap<>(spec.networking().endpoints());
    firstNetwork.ifPresent(others::remove);
    try {
      for (var endpoint : others.entrySet()) {
        faults.run(
            () ->
                docker
                    .connectToNetworkCmd()
                    .withNetworkId(endpoint.getKey())
                    .withContainerId(containerId)
                    .withContainerNetwork(Networks.endpointConfig(endpoint.getValue()))
                    .exec());
      }
    } catch (RuntimeFault failure) {
      // a container on only some of its networks would look finished to the planner
      faults.run(() -> docker.removeContainerCmd(containerId).withForce(true).exec());
      throw failure;
    }
    return containerId;
  }

  private static void process(
      ContainerSpec.Process process, CreateContainerCmd command, HostConfig host) {
    process.command().ifPresent(command::withCmd);
    process.entrypoint().ifPresent(command::withEntrypoint);
    if (!process.environment().isEmpty()) {
      command.withEnv(process.environment());
    }
    process.user().ifPresent(command::withUser);
    process.workingDir().ifPresent(command::withWorkingDir);
    command.withTty(process.tty()).withStdinOpen(process.stdinOpen());
    if (process.init()) {
      host.withInit(true);
    }
    process.stopSignal().ifPresent(command::withStopSignal);
    process.stopTimeout().ifPresent(timeout -> command.withStopTimeout((int) timeout.toSeconds()));
  }

  /**
   * @return the network joined at create time, if the container joins networks by name
   */
  private static Optional<String> networking(
      ContainerSpec.Networking networking, CreateContainerCmd command, HostConfig host) {
    Optional<String> networkMode =
        networking
            .networkMode()
            .or(() -> new TreeMap<>(networking.endpoints()).keySet().stream().findFirst());
    networkMode.ifPresent(host::withNetworkMode);
    Optional<String> firstNetwork = Optional.empty();
    if (networkMode.isPresent() && networking.endpoints().containsKey(networkMode.get())) {
      firstNetwork = networkMode;
      EndpointSpec endpoint = networking.endpoints().get(networkMode.get());
      if (!endpoint.aliases().isEmpty()) {
        command.withAliases(endpoint.aliases());
      }
      endpoint.ipv4Address().ifPresent(command::withIpv4Address);
      endpoint.ipv6Address().ifPresent(command::withIpv6Address);
    }
    networking.hostname().ifPresent(command::withHostName);

    var exposed = new LinkedHashSet<ExposedPort>();
    for (String port : networking.exposedPorts()) {
      exposed.add(exposedPort(port));
    }
    var bindings = new Ports();
    for (ContainerSpec.PortBinding port : networking.ports()) {
      ExposedPort containerPort =
          new ExposedPort(port.containerPort(), InternetProtocol.parse(port.protocol()));
      exposed.add(containerPort);
      bindings.bind(
          containerPort,
          new Ports.Binding(port.hostIp().orElse(null), port.hostPort().orElse(null)));
    }
    if (!exposed.isEmpty()) {
      command.withExposedPorts(new ArrayList<>(exposed));
    }
    if (!networking.ports().isEmpty()) {
      host.withPortBindings(bindings);
    }
    if (!networking.extraHosts().isEmpty()) {
      host.withExtraHosts(networking.extraHosts().toArray(String[]::new));
    }
    networking.ipcMode().ifPresent(host::withIpcMode);
    networking.pidMode().ifPresent(host::withPidMode);
    return firstNetwork;
  }

  /** {@code 80}, {@code 80/udp}. */
  private static ExposedPort exposedPort(String port) {
    try {
      return port.contains("/") ? ExposedPort.parse(port) : ExposedPort.tcp(Integer.parseInt(port));
    } catch (IllegalArgumentException malformed) {
      throw new RuntimeFault.InvalidArgument("not a container port: \"" + port + "\"", malformed);
    }
  }

  /**
   * Anonymous volumes go into {@code Volumes} (the daemon removes those with the container);
   * everything else is a {@code Mounts} entry.
   */
  private static void storage(
      ContainerSpec.Storage storage, CreateContainerCmd command, HostConfig host) {
    var mounts = new ArrayList<Mount>();
    var anonymous = new ArrayList<Volume>();
    for (ContainerSpec.Mount mount : storage.mounts()) {
      switch (mount.type()) {
        case BIND ->
            mounts.add(
                new Mount()
                    .withType(MountType.BIND)
                    .withSource(mount.source().orElse(""))
                    .withTarget(mount.target())
                    .withReadOnly(mount.readOnly()));
        case VOLUME -> {
          if (mount.source().isEmpty() || mount.source().get().isEmpty()) {
            anonymous.add(new Volume(mount.target()));
          } else {
            mounts.add(
                new Mount()
                    .withType(MountType.VOLUME)
                    .withSource(mount.source().get())
                    .withTarget(mount.target())
                    .withReadOnly(mount.readOnly()));
          }
        }
        case TMPFS -> mounts.add(new Mount().withType(MountType.TMPFS).withTarget(mount.target()));
      }
    }
    if (!mounts.isEmpty()) {
      host.withMounts(mounts);
    }
    if (!anonymous.isEmpty()) {
      command.withVolumes(anonymous);
    }
    if (!storage.tmpfs().isEmpty()) {
      host.withTmpFs(new TreeMap<>(storage.tmpfs()));
    }
    if (!storage.volumesFrom().isEmpty()) {
      var from = new ArrayList<VolumesFrom>();
      for (String source : storage.volumesFrom()) {
        from.add(VolumesFrom.parse(source));
      }
      host.withVolumesFrom(from.toArray(VolumesFrom[]::new));
    }
  }

  private static void resources(ContainerSpec.Resources resources, HostConfig host) {
    ContainerSpec.Memory memory = resources.memory();
    memory.limitBytes().ifPresent(host::withMemory);
    memory.swapBytes().ifPresent(host::withMemorySwap);
    memory.reservationBytes().ifPresent(host::withMemoryReservation);
    if (memory.oomKillDisable()) {
      host.withOomKillDisable(true);
    }
    ContainerSpec.Cpu cpu = resources.cpu();
    cpu.nanoCpus().ifPresent(host::withNanoCPUs);
    cpu.shares().ifPresent(shares -> host.withCpuShares(Math.toIntExact(shares)));
    cpu.quotaMicros().ifPresent(host::withCpuQuota);
    cpu.periodMicros().ifPresent(host::withCpuPeriod);
    cpu.cpuset().ifPresent(host::withCpusetCpus);
    resources.pidsLimit().ifPresent(host::withPidsLimit);
    resources.shmSizeBytes().ifPresent(host::withShmSize);
    ContainerSpec.Security security = resources.security();
    if (security.privileged()) {
      host.withPrivileged(true);
    }
    if (security.readOnlyRootfs()) {
      host.withReadonlyRootfs(true);
    }
    if (!security.capAdd().isEmpty()) {
      host.withCapAdd(capabilities(security.capAdd()));
    }
    if (!security.capDrop().isEmpty()) {
      host.withCapDrop(capabilities(security.capDrop()));
    }
    ContainerSpec.Kernel kernel = resources.kernel();
    if (!kernel.ulimits().isEmpty()) {
      host.withUlimits(
          kernel.ulimits().stream()
              .map(ulimit -> new Ulimit(ulimit.name(), ulimit.soft(), ulimit.hard()))
              .toList());
    }
    if (!kernel.devices().isEmpty()) {
      host.withDevices(
          kernel.devices().stream()
              .map(device -> new Device(device.permissions(), device.target(), device.source()))
              .toList());
    }
    if (!kernel.sysctls().isEmpty()) {
      host.withSysctls(new TreeMap<>(kernel.sysctls()));
    }
  }

  /** {@code NET_ADMIN} or {@code CAP_NET_ADMIN}, any case. */
  private static Capability[] capabilities(List<String> names) {
    var capabilities = new ArrayList<Capability>();
    for (String name : names) {
      String upper = name.toUpperCase(Locale.ROOT);
      String bare = upper.startsWith("CAP_") ? upper.substring(4) : upper;
      try {
        capabilities.add(Capability.valueOf(bare));
      } catch (IllegalArgumentException unknown) {
        throw new RuntimeFault.InvalidArgument("unknown capability \"" + name + "\"", unknown);
      }
    }
    return capabilities.toArray(Capability[]::new);
  }

  private HealthCheck healthCheck(ContainerSpec.HealthSpec health) {
    var check = new HealthCheck();
    if (!health.test().isEmpty()) {
      check.withTest(health.test());
    }
    health.interval().ifPresent(interval -> check.withInterval(interval.toNanos()));
    health.timeout().ifPresent(timeout -> check.withTimeout(timeout.toNanos()));
    health.startPeriod().ifPresent(period -> check.withStartPeriod(period.toNanos()));
    if (!apiVersion.isBelow(new ApiVersion(1, 44))) {
      health.startInterval().map(Duration::toNanos).ifPresent(check::withStartInterval);
    }
    health.retries().ifPresent(check::withRetries);
    return check;
  }

  private static RestartPolicy restartPolicy(ContainerSpec.RestartPolicy restart) {
    return switch (restart.name()) {
      case "", "no" -> RestartPolicy.noRestart();
      case "always" -> RestartPolicy.alwaysRestart();
      case "unless-stopped" -> RestartPolicy.unlessStoppedRestart();
      case "on-failure" -> RestartPolicy.onFailureRestart(restart.maxRetries());
      default ->
          throw new RuntimeFault.InvalidArgument(
              "unknown restart policy \"" + restart.name() + "\"");
    };
  }

  private static LogConfig logConfig(ContainerSpec.LogConfig logging) {
    LogConfig.LoggingType type;
    try {
      type = LogConfig.LoggingType.fromValue(logging.driver());
    } catch (IllegalArgumentException unknown) {
      throw new RuntimeFault.InvalidArgument(
          "unknown logging driver \"" + logging.driver() + "\"", unknown);
    }
    if (type == null) {
      throw new RuntimeFault.InvalidArgument("unknown logging driver \"" + logging.driver() + "\"");
    }
    return new LogConfig(type, logging.options().isEmpty() ? null : Map.copyOf(logging.options()));
  }
}
