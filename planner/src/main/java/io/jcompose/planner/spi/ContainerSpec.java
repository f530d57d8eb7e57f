package io.jcompose.planner.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to create one container, in engine terms (a Docker create request without its
 * wire shape). The planner builds it from a compose service; adapters translate it.
 *
 * @param name the container name, unique on the endpoint
 * @param labels every label, compose's own included
 */
public record ContainerSpec(
    String name,
    String image,
    Map<String, String> labels,
    Process process,
    Networking networking,
    Storage storage,
    Resources resources,
    Optional<HealthSpec> health,
    RestartPolicy restart,
    Optional<LogConfig> logging) {

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(networking, "networking");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(restart, "restart");
    Objects.requireNonNull(logging, "logging");
  }

  /** A container running {@code command} in {@code image} with nothing else set (for tests). */
  public static ContainerSpec simple(String name, String image, List<String> command) {
    return new ContainerSpec(
        name,
        image,
        Map.of(),
        Process.of(command),
        Networking.none(),
        Storage.none(),
        Resources.none(),
        Optional.empty(),
        RestartPolicy.NO,
        Optional.empty());
  }

  public ContainerSpec withLabels(Map<String, String> newLabels) {
    return new ContainerSpec(
        name, image, newLabels, process, networking, storage, resources, health, restart, logging);
  }

  public ContainerSpec withName(String newName) {
    return new ContainerSpec(
        newName, image, labels, process, networking, storage, resources, health, restart, logging);
  }

  public ContainerSpec withNetworking(Networking newNetworking) {
    return new ContainerSpec(
        name, image, labels, process, newNetworking, storage, resources, health, restart, logging);
  }

  public ContainerSpec withStorage(Storage newStorage) {
    return new ContainerSpec(
        name, image, labels, process, networking, newStorage, resources, health, restart, logging);
  }

  public ContainerSpec withHealth(Optional<HealthSpec> newHealth) {
    return new ContainerSpec(
        name, image, labels, process, networking, storage, resources, newHealth, restart, logging);
  }

  /**
   * @param command empty to use the image's CMD; an empty list clears it
   * @param environment {@code KEY=value} entries
   */
  public record Process(
      Optional<List<String>> command,
      Optional<List<String>> entrypoint,
      List<String> environment,
      Optional<String> user,
      Optional<String> workingDir,
      boolean tty,
      boolean stdinOpen,
      boolean init,
      Optional<String> stopSignal,
      Optional<Duration> stopTimeout) {
    public Process {
      command = command.map(List::copyOf);
      entrypoint = entrypoint.map(List::copyOf);
      environment = List.copyOf(environment);
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(workingDir, "workingDir");
      Objects.requireNonNull(stopSignal, "stopSignal");
      Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    public static Process of(List<String> command) {
      return new Process(
          Optional.of(command),
          Optional.empty(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          false,
          false,
          false,
          Optional.empty(),
          Optional.empty());
    }
  }

  /**
   * @param networkMode {@code bridge}, {@code host}, {@code none}, {@code container:<id>} or the
   *     name of the first network; empty for the engine's default
   * @param endpoints network name to endpoint settings, the first one joined at create time
   * @param extraHosts {@code host:address} entries
   * @param ipcMode {@code private}, {@code shareable}, {@code host}, {@code container:<id>}
   * @param pidMode {@code host} or {@code container:<id>}
   */
  public record Networking(
      Optional<String> networkMode,
      Map<String, EndpointSpec> endpoints,
      Optional<String> hostname,
      List<PortBinding> ports,
      List<String> exposedPorts,
      List<String> extraHosts,
      Optional<String> ipcMode,
      Optional<String> pidMode) {
    public Networking {
      Objects.requireNonNull(networkMode, "networkMode");
      endpoints = Map.copyOf(endpoints);
      Objects.requireNonNull(hostname, "hostname");
      ports = List.copyOf(ports);
      exposedPorts = List.copyOf(exposedPorts);
      extraHosts = List.copyOf(extraHosts);
      Objects.requireNonNull(ipcMode, "ipcMode");
      Objects.requireNonNull(pidMode, "pidMode");
    }

    public static Networking none() {
      return new Networking(
          Optional.empty(),
          Map.of(),
          Optional.empty(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty());
    }
  }

  /**
   * A published port.
   *
   * @param protocol {@code tcp}, {@code udp} or {@code sctp}
   * @param hostPort a port or range; empty for an engine-chosen port
   */
  public record PortBinding(
      int containerPort, String protocol, Optional<String> hostIp, Optional<String> hostPort) {
    public PortBinding {
      if (containerPort < 1 || containerPort > 65535) {
        throw new IllegalArgumentException("container port out of range: " + containerPort);
      }
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(hostIp, "hostIp");
      Objects.requireNonNull(hostPort, "hostPort");
    }
  }

  /**
   * @param volumesFrom container names or IDs, each optionally with {@code :ro}/{@code :rw}
   * @param tmpfs compose's {@code tmpfs}: mount point to options ({@code size=64m,mode=1777}), as
   *     {@code HostConfig.Tmpfs}
   */
  public record Storage(List<Mount> mounts, List<String> volumesFrom, Map<String, String> tmpfs) {
    public Storage {
      mounts = List.copyOf(mounts);
      volumesFrom = List.copyOf(volumesFrom);
      tmpfs = Map.copyOf(tmpfs);
    }

    /** Without {@code tmpfs} mounts. */
    public Storage(List<Mount> mounts, List<String> volumesFrom) {
      this(mounts, volumesFrom, Map.of());
    }

    public static Storage none() {
      return new Storage(List.of(), List.of(), Map.of());
    }

    public Storage withMounts(List<Mount> newMounts) {
      return new Storage(newMounts, volumesFrom, tmpfs);
    }
  }

  /**
   * @param source a host path (bind), a volume name (volume; empty for an anonymous volume), empty
   *     for tmpfs
   */
  public record Mount(Type type, Optional<String> source, String target, boolean readOnly) {
    public Mount {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
    }

    public enum Type {
      BIND,
      VOLUME,
      TMPFS
    }
  }

  /**
   * Limits and privileges.
   *
   * @param pidsLimit the most processes the container may hold
   * @param kernel rlimits, host devices and sysctls
   */
  public record Resources(
      Memory memory,
      Cpu cpu,
      Optional<Long> pidsLimit,
      Optional<Long> shmSizeBytes,
      Security security,
      Kernel kernel) {
    public Resources {
      Objects.requireNonNull(memory, "memory");
      Objects.requireNonNull(cpu, "cpu");
      Objects.requireNonNull(pidsLimit, "pidsLimit");
      Objects.requireNonNull(shmSizeBytes, "shmSizeBytes");
      Objects.requireNonNull(security, "security");
      Objects.requireNonNull(kernel, "kernel");
    }

    public static Resources none() {
      return new Resources(
          Memory.NONE, Cpu.NONE, Optional.empty(), Optional.empty(), Security.NONE, Kernel.NONE);
    }
  }

  /**
   * @param swapBytes memory plus swap; -1 for unlimited swap
   * @param reservationBytes the soft limit
   * @param oomKillDisable the kernel does not OOM-kill the container's processes
   */
  public record Memory(
      Optional<Long> limitBytes,
      Optional<Long> swapBytes,
      Optional<Long> reservationBytes,
      boolean oomKillDisable) {
    public static final Memory NONE =
        new Memory(Optional.empty(), Optional.empty(), Optional.empty(), false);

    public Memory {
      Objects.requireNonNull(limitBytes, "limitBytes");
      Objects.requireNonNull(swapBytes, "swapBytes");
      Objects.requireNonNull(reservationBytes, "reservationBytes");
    }
  }

  /**
   * @param nanoCpus CPUs in billionths ({@code cpus: 1.5} is 1500000000)
   * @param shares the relative weight
   * @param quotaMicros CPU time per period
   * @param periodMicros the period of the quota
   * @param cpuset the CPUs it may run on, {@code 0-2,4}
   */
  public record Cpu(
      Optional<Long> nanoCpus,
      Optional<Long> shares,
      Optional<Long> quotaMicros,
      Optional<Long> periodMicros,
      Optional<String> cpuset) {
    public static final Cpu NONE =
        new Cpu(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    public Cpu {
      Objects.requireNonNull(nanoCpus, "nanoCpus");
      Objects.requireNonNull(shares, "shares");
      Objects.requireNonNull(quotaMicros, "quotaMicros");
      Objects.requireNonNull(periodMicros, "periodMicros");
      Objects.requireNonNull(cpuset, "cpuset");
    }
  }

  /** Privileged mode, the root's writability and capability changes. */
  public record Security(
      boolean privileged, boolean readOnlyRootfs, List<String> capAdd, List<String> capDrop) {
    public static final Security NONE = new Security(false, false, List.of(), List.of());

    public Security {
      capAdd = List.copyOf(capAdd);
      capDrop = List.copyOf(capDrop);
    }
  }

  /**
   * What of the host's kernel the container gets beyond the defaults.
   *
   * @param ulimits rlimits by name ({@code nofile})
   * @param devices host devices made in the container
   * @param sysctls kernel parameters of its namespaces
   */
  public record Kernel(List<Ulimit> ulimits, List<Device> devices, Map<String, String> sysctls) {
    public static final Kernel NONE = new Kernel(List.of(), List.of(), Map.of());

    public Kernel {
      ulimits = List.copyOf(ulimits);
      devices = List.copyOf(devices);
      sysctls = Map.copyOf(sysctls);
    }
  }

  /** One rlimit; -1 for unlimited. */
  public record Ulimit(String name, long soft, long hard) {
    public Ulimit {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A host device in the container.
   *
   * @param permissions {@code r}, {@code w}, {@code m} for the device cgroup
   */
  public record Device(String source, String target, String permissions) {
    public Device {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(permissions, "permissions");
    }
  }

  /**
   * A healthcheck; {@code test} is {@code [CMD, ...]}, {@code [CMD-SHELL, cmd]} or {@code [NONE]},
   * empty to keep the image's.
   */
  public record HealthSpec(
      List<String> test,
      Optional<Duration> interval,
      Optional<Duration> timeout,
      Optional<Duration> startPeriod,
      Optional<Duration> startInterval,
      Optional<Integer> retries) {
    public HealthSpec {
      test = List.copyOf(test);
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(startPeriod, "startPeriod");
      Objects.requireNonNull(startInterval, "startInterval");
      Objects.requireNonNull(retries, "retries");
    }
  }

  /**
   * @param name {@code no}, {@code always}, {@code unless-stopped} or {@code on-failure}
   */
  public record RestartPolicy(String name, int maxRetries) {
    public static final RestartPolicy NO = new RestartPolicy("no", 0);

    public RestartPolicy {
      Objects.requireNonNull(name, "name");
    }

    /**
     * From {@code deploy.restart_policy}, as docker compose maps it: {@code none} is {@code no},
     * {@code any} is {@code always}.
     */
    public static RestartPolicy ofCondition(String condition, int maxAttempts) {
      String name =
          switch (condition) {
            case "none" -> "no";
            case "any" -> "always";
            default -> condition;
          };
      return new RestartPolicy(name, maxAttempts);
    }

    /** Parses compose's {@code restart} value: {@code on-failure:3} has three retries. */
    public static RestartPolicy parse(String restart) {
      int colon = restart.indexOf(':');
      if (colon < 0) {
        return new RestartPolicy(restart, 0);
      }
      return new RestartPolicy(
          restart.substring(0, colon), Integer.parseInt(restart.substring(colon + 1)));
    }
  }

  public record LogConfig(String driver, Map<String, String> options) {
    public LogConfig {
      Objects.requireNonNull(driver, "driver");
      options = Map.copyOf(options);
    }
  }
}
