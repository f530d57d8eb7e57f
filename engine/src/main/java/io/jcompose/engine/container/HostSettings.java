package io.jcompose.engine.container;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container's {@code HostConfig}: how the engine runs it. Stored as given (inspect echoes it);
 * zero, empty and false mean "not set", as in the API.
 *
 * @param kernel rlimits, device nodes and sysctls
 * @param init run the command under tini
 * @param ipcMode echoed only ({@code private} when empty)
 * @param pidMode {@code host} shares the host's pid namespace; anything else is private
 */
public record HostSettings(
    Storage storage,
    Networking networking,
    RestartPolicy restartPolicy,
    boolean autoRemove,
    Privileges privileges,
    Resources resources,
    KernelAccess kernel,
    LogConfig logConfig,
    boolean init,
    String ipcMode,
    String pidMode) {

  public static final HostSettings DEFAULT =
      new HostSettings(
          Storage.NONE,
          Networking.DEFAULT,
          RestartPolicy.NO,
          false,
          Privileges.NONE,
          Resources.NONE,
          KernelAccess.NONE,
          LogConfig.DEFAULT,
          false,
          "",
          "");

  public HostSettings {
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(networking, "networking");
    Objects.requireNonNull(restartPolicy, "restartPolicy");
    Objects.requireNonNull(privileges, "privileges");
    Objects.requireNonNull(resources, "resources");
    kernel = kernel == null ? KernelAccess.NONE : kernel; // records written before it existed
    Objects.requireNonNull(logConfig, "logConfig");
    Objects.requireNonNull(ipcMode, "ipcMode");
    Objects.requireNonNull(pidMode, "pidMode");
  }

  /**
   * Where the container's files come from beyond its image.
   *
   * @param binds {@code source:destination[:mode]}: a named volume or an absolute host path
   * @param tmpfs destination to mount options ({@code rw,size=64m,mode=1777})
   * @param volumesFrom {@code container[:ro|rw]}: that container's volumes and binds
   */
  public record Storage(
      List<String> binds,
      List<MountRequest> mounts,
      Map<String, String> tmpfs,
      List<String> volumesFrom,
      boolean readonlyRootfs,
      String volumeDriver) {

    public static final Storage NONE =
        new Storage(List.of(), List.of(), Map.of(), List.of(), false, "");

    public Storage {
      binds = List.copyOf(binds);
      mounts = List.copyOf(mounts);
      tmpfs = Map.copyOf(tmpfs);
      volumesFrom = List.copyOf(volumesFrom);
      Objects.requireNonNull(volumeDriver, "volumeDriver");
    }
  }

  /**
   * How the container is networked.
   *
   * @param networkMode as given: empty or {@code default} (the bridge network), {@code bridge},
   *     {@code host}, {@code none}, {@code container:<id or name>}, or a network name or id
   * @param portBindings {@code 80/tcp} to where it is published; an empty host port is picked at
   *     start
   * @param extraHosts {@code name:address} lines for /etc/hosts
   */
  public record Networking(
      String networkMode,
      Map<String, List<HostPort>> portBindings,
      boolean publishAllPorts,
      List<String> dns,
      List<String> dnsSearch,
      List<String> dnsOptions,
      List<String> extraHosts) {

    public static final Networking DEFAULT =
        new Networking("", Map.of(), false, List.of(), List.of(), List.of(), List.of());

    public Networking {
      Objects.requireNonNull(networkMode, "networkMode");
      portBindings = Map.copyOf(portBindings);
      dns = List.copyOf(dns);
      dnsSearch = List.copyOf(dnsSearch);
      dnsOptions = List.copyOf(dnsOptions);
      extraHosts = List.copyOf(extraHosts);
    }
  }

  /**
   * One requested host side of a published port.
   *
   * @param hostIp empty for every address
   * @param hostPort empty (or 0) to let the engine pick
   */
  public record HostPort(String hostIp, String hostPort) {
    public HostPort {
      Objects.requireNonNull(hostIp, "hostIp");
      Objects.requireNonNull(hostPort, "hostPort");
    }
  }

  /**
   * When the engine starts the container again by itself.
   *
   * @param name empty or {@code no}, {@code always}, {@code unless-stopped}, {@code on-failure}
   * @param maximumRetryCount for {@code on-failure}: at most this many restarts (0 = no limit)
   */
  public record RestartPolicy(String name, int maximumRetryCount) {

    public static final RestartPolicy NO = new RestartPolicy("", 0);

    public RestartPolicy {
      Objects.requireNonNull(name, "name");
    }
  }

  /** Privileged mode and capability changes; the security options are echoed only. */
  public record Privileges(
      boolean privileged, List<String> capAdd, List<String> capDrop, List<String> securityOpt) {

    public static final Privileges NONE = new Privileges(false, List.of(), List.of(), List.of());

    public Privileges {
      capAdd = List.copyOf(capAdd);
      capDrop = List.copyOf(capDrop);
      securityOpt = List.copyOf(securityOpt);
    }
  }

  /**
   * Limits; zero and empty are "none".
   *
   * @param memorySwap memory plus swap; -1 for unlimited swap
   * @param cpusetCpus the CPUs it may run on ({@code 0-2,4}); empty for all
   * @param cpusetMems the memory nodes it may use; empty for all
   * @param pidsLimit zero or negative for none
   * @param shmSize bytes of /dev/shm; zero for Docker's 64 MiB
   * @param oomKillDisable the kernel does not OOM-kill its processes (cgroup v1 only)
   */
  public record Resources(
      long memory,
      long memorySwap,
      long memoryReservation,
      long nanoCpus,
      long cpuShares,
      long cpuPeriod,
      long cpuQuota,
      String cpusetCpus,
      String cpusetMems,
      long pidsLimit,
      long shmSize,
      boolean oomKillDisable) {

    public static final Resources NONE = new Resources(0, 0, 0, 0, 0, 0, 0, "", "", 0, 0, false);

    public Resources {
      cpusetCpus = cpusetCpus == null ? "" : cpusetCpus; // records written before they existed
      cpusetMems = cpusetMems == null ? "" : cpusetMems;
    }
  }

  /**
   * What of the host's kernel the container is given beyond the defaults.
   *
   * @param ulimits rlimits by Docker's name ({@code nofile})
   * @param devices host device nodes made in the container
   * @param sysctls kernel parameters set in its namespaces
   */
  public record KernelAccess(
      List<Ulimit> ulimits, List<DeviceMapping> devices, Map<String, String> sysctls) {

    public static final KernelAccess NONE = new KernelAccess(List.of(), List.of(), Map.of());

    public KernelAccess {
      ulimits = List.copyOf(ulimits);
      devices = List.copyOf(devices);
      sysctls = Map.copyOf(sysctls);
    }
  }

  /** One {@code Ulimits} entry; -1 is unlimited. */
  public record Ulimit(String name, long soft, long hard) {
    public Ulimit {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * One {@code Devices} entry.
   *
   * @param pathInContainer empty for the host path
   * @param cgroupPermissions {@code r}, {@code w} and {@code m} (mknod), in any order
   */
  public record DeviceMapping(String pathOnHost, String pathInContainer, String cgroupPermissions) {
    public DeviceMapping {
      Objects.requireNonNull(pathOnHost, "pathOnHost");
      Objects.requireNonNull(pathInContainer, "pathInContainer");
      Objects.requireNonNull(cgroupPermissions, "cgroupPermissions");
    }
  }

  /** Echoed only: the engine keeps every container's output in conmon's log file. */
  public record LogConfig(String type, Map<String, String> config) {

    public static final LogConfig DEFAULT = new LogConfig("", Map.of());

    public LogConfig {
      Objects.requireNonNull(type, "type");
      config = Map.copyOf(config);
    }
  }
}
