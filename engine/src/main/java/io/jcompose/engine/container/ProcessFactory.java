package io.jcompose.engine.container;

import io.jcompose.engine.oci.Capabilities;
import io.jcompose.engine.oci.CgroupResources;
import io.jcompose.engine.oci.Command;
import io.jcompose.engine.oci.ContainerProcess;
import io.jcompose.engine.oci.CpuLimit;
import io.jcompose.engine.oci.DeviceNode;
import io.jcompose.engine.oci.Filesystem;
import io.jcompose.engine.oci.HostFiles;
import io.jcompose.engine.oci.Mount;
import io.jcompose.engine.oci.NamespaceChoice;
import io.jcompose.engine.oci.Namespaces;
import io.jcompose.engine.oci.Rlimit;
import io.jcompose.engine.oci.UserSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Turns a container's configuration into the process the OCI bundle describes. */
final class ProcessFactory {

  /** The kernel's bounds for cpu.shares; dockerd clamps to them as well. */
  private static final long MIN_SHARES = 2;

  private static final long MAX_SHARES = 262_144;

  private ProcessFactory() {}

  /**
   * @param network the network namespace prepared for it
   * @param hostFiles its hosts, hostname and resolv.conf
   * @param cgroupPath {@code <parent>/<id>}
   */
  static ContainerProcess build(
      Container container, NamespaceChoice network, HostFiles hostFiles, String cgroupPath) {
    ContainerConfig config = container.config();
    HostSettings host = container.host();
    String cwd = config.workingDir().isEmpty() ? "/" : config.workingDir();
    var command = new Command(config.commandLine(), config.env(), cwd, config.stdio().tty());
    HostSettings.Resources limits = host.resources();
    var filesystem =
        new Filesystem(
            host.storage().readonlyRootfs(),
            mounts(container.mounts()),
            hostFiles,
            limits.shmSize() > 0 ? limits.shmSize() : Filesystem.DEFAULT_SHM_SIZE);
    HostSettings.Privileges privileges = host.privileges();
    return ContainerProcess.of(command, config.hostname(), cgroupPath)
        .withUser(UserSpec.parse(config.user()))
        .withCapabilities(
            new Capabilities(privileges.privileged(), privileges.capAdd(), privileges.capDrop()))
        .withFilesystem(filesystem)
        .withNamespaces(
            new Namespaces(
                network,
                NamespaceChoice.PRIVATE,
                host.pidMode().equals("host") ? NamespaceChoice.HOST : NamespaceChoice.PRIVATE))
        .withResources(resources(cgroupPath, limits))
        .withRlimits(
            host.kernel().ulimits().stream()
                .map(ulimit -> Rlimit.of(ulimit.name(), ulimit.soft(), ulimit.hard()))
                .toList())
        .withDevices(
            host.kernel().devices().stream()
                .flatMap(
                    device ->
                        DeviceNode.ofHost(
                            Path.of(device.pathOnHost()),
                            device.pathInContainer().isEmpty()
                                ? device.pathOnHost()
                                : device.pathInContainer(),
                            device.cgroupPermissions())
                            .stream())
                .toList())
        .withSysctls(host.kernel().sysctls())
        .withInit(host.init());
  }

  private static List<Mount> mounts(List<MountPoint> mounts) {
    return mounts.stream()
        .map(
            mount ->
                switch (mount.type()) {
                  case VOLUME, BIND ->
                      (Mount)
                          new Mount.Bind(
                              Path.of(mount.source()), mount.destination(), !mount.readWrite());
                  case TMPFS ->
                      new Mount.Tmpfs(
                          mount.destination(),
                          mount.tmpfs().sizeBytes() > 0
                              ? OptionalLong.of(mount.tmpfs().sizeBytes())
                              : OptionalLong.empty(),
                          mount.tmpfs().mode() > 0
                              ? OptionalInt.of(mount.tmpfs().mode())
                              : OptionalInt.empty());
                })
        .toList();
  }

  private static CgroupResources resources(String cgroupPath, HostSettings.Resources limits) {
    CgroupResources resources = CgroupResources.unlimited(cgroupPath);
    if (limits.memory() > 0) {
      resources =
          resources.withMemory(
              limits.memory(),
              limits.memorySwap() != 0
                  ? OptionalLong.of(limits.memorySwap())
                  : OptionalLong.empty());
    }
    if (limits.memoryReservation() > 0) {
      resources = resources.withMemoryReservation(limits.memoryReservation());
    }
    if (limits.oomKillDisable()) {
      resources = resources.withOomKillerDisabled(true);
    }
    if (limits.pidsLimit() > 0) {
      resources = resources.withPidsLimit(limits.pidsLimit());
    }
    CpuLimit cpu = CpuLimit.NONE;
    if (limits.nanoCpus() > 0) {
      cpu = CpuLimit.ofNanoCpus(limits.nanoCpus());
    }
    if (limits.cpuShares() > 0 || limits.cpuQuota() > 0 || limits.cpuPeriod() > 0) {
      cpu =
          new CpuLimit(
              limits.cpuShares() > 0
                  ? OptionalLong.of(Math.max(MIN_SHARES, Math.min(MAX_SHARES, limits.cpuShares())))
                  : OptionalLong.empty(),
              limits.cpuQuota() > 0 ? OptionalLong.of(limits.cpuQuota()) : cpu.quotaMicros(),
              limits.cpuPeriod() > 0 ? OptionalLong.of(limits.cpuPeriod()) : cpu.periodMicros(),
              "",
              "");
    }
    return resources.withCpu(cpu.withCpuset(limits.cpusetCpus(), limits.cpusetMems()));
  }
}
