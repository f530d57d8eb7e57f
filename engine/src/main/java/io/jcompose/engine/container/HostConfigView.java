package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.jcompose.engine.oci.CgroupHost;
import io.jcompose.engine.oci.Filesystem;
import java.util.List;
import java.util.Map;

/**
 * Inspect's {@code HostConfig}: the settings echoed as given, with dockerd's values for what the
 * engine does not take (cgroup namespace, runtime, masked paths ...). One flat JSON object, written
 * from five parts.
 */
record HostConfigView(
    @JsonUnwrapped Storage storage,
    @JsonUnwrapped Networking networking,
    @JsonUnwrapped Lifecycle lifecycle,
    @JsonUnwrapped Security security,
    @JsonUnwrapped Resources resources) {

  record Storage(
      @JsonProperty("Binds") List<String> binds,
      @JsonProperty("ContainerIDFile") String containerIdFile,
      @JsonProperty("VolumeDriver") String volumeDriver,
      @JsonProperty("VolumesFrom") List<String> volumesFrom,
      @JsonProperty("Mounts") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<MountRequestView> mounts,
      @JsonProperty("Tmpfs") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> tmpfs,
      @JsonProperty("ReadonlyRootfs") boolean readonlyRootfs,
      @JsonProperty("ShmSize") long shmSize) {}

  record MountRequestView(
      @JsonProperty("Type") String type,
      @JsonProperty("Source") String source,
      @JsonProperty("Target") String target,
      @JsonProperty("ReadOnly") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean readOnly) {}

  record Networking(
      @JsonProperty("NetworkMode") String networkMode,
      @JsonProperty("PortBindings") Map<String, List<PortBindingView>> portBindings,
      @JsonProperty("PublishAllPorts") boolean publishAllPorts,
      @JsonProperty("Dns") List<String> dns,
      @JsonProperty("DnsOptions") List<String> dnsOptions,
      @JsonProperty("DnsSearch") List<String> dnsSearch,
      @JsonProperty("ExtraHosts") List<String> extraHosts,
      @JsonProperty("Links") List<String> links) {}

  record PortBindingView(
      @JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {}

  record Lifecycle(
      @JsonProperty("LogConfig") LogConfigView logConfig,
      @JsonProperty("RestartPolicy") RestartPolicyView restartPolicy,
      @JsonProperty("AutoRemove") boolean autoRemove,
      @JsonProperty("Init") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean init,
      @JsonProperty("Runtime") String runtime,
      @JsonProperty("ConsoleSize") List<Integer> consoleSize,
      @JsonProperty("Isolation") String isolation) {}

  record LogConfigView(
      @JsonProperty("Type") String type, @JsonProperty("Config") Map<String, String> config) {}

  record RestartPolicyView(
      @JsonProperty("Name") String name,
      @JsonProperty("MaximumRetryCount") int maximumRetryCount) {}

  record Security(
      @JsonProperty("CapAdd") List<String> capAdd,
      @JsonProperty("CapDrop") List<String> capDrop,
      @JsonProperty("CgroupnsMode") String cgroupnsMode,
      @JsonProperty("GroupAdd") List<String> groupAdd,
      @JsonProperty("IpcMode") String ipcMode,
      @JsonProperty("Cgroup") String cgroup,
      @JsonProperty("OomScoreAdj") int oomScoreAdj,
      @JsonProperty("PidMode") String pidMode,
      @JsonProperty("Privileged") boolean privileged,
      @JsonProperty("SecurityOpt") List<String> securityOpt,
      @JsonProperty("Sysctls") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          Map<String, String> sysctls,
      @JsonProperty("UTSMode") String utsMode,
      @JsonProperty("UsernsMode") String usernsMode,
      @JsonProperty("MaskedPaths") List<String> maskedPaths,
      @JsonProperty("ReadonlyPaths") List<String> readonlyPaths) {}

  record Resources(
      @JsonProperty("CpuShares") long cpuShares,
      @JsonProperty("Memory") long memory,
      @JsonProperty("NanoCpus") long nanoCpus,
      @JsonProperty("CgroupParent") String cgroupParent,
      @JsonProperty("BlkioWeight") int blkioWeight,
      @JsonProperty("BlkioWeightDevice") List<Object> blkioWeightDevice,
      @JsonProperty("BlkioDeviceReadBps") List<Object> blkioDeviceReadBps,
      @JsonProperty("BlkioDeviceWriteBps") List<Object> blkioDeviceWriteBps,
      @JsonProperty("BlkioDeviceReadIOps") List<Object> blkioDeviceReadIOps,
      @JsonProperty("BlkioDeviceWriteIOps") List<Object> blkioDeviceWriteIOps,
      @JsonProperty("CpuPeriod") long cpuPeriod,
      @JsonProperty("CpuQuota") long cpuQuota,
      @JsonProperty("CpuRealtimePeriod") long cpuRealtimePeriod,
      @JsonProperty("CpuRealtimeRuntime") long cpuRealtimeRuntime,
      @JsonProperty("CpusetCpus") String cpusetCpus,
      @JsonProperty("CpusetMems") String cpusetMems,
      @JsonProperty("Devices") List<DeviceView> devices,
      @JsonProperty("DeviceCgroupRules") List<String> deviceCgroupRules,
      @JsonProperty("DeviceRequests") List<Object> deviceRequests,
      @JsonProperty("KernelMemory") long kernelMemory,
      @JsonProperty("KernelMemoryTCP") long kernelMemoryTcp,
      @JsonProperty("MemoryReservation") long memoryReservation,
      @JsonProperty("MemorySwap") long memorySwap,
      @JsonProperty("MemorySwappiness") Long memorySwappiness,
      @JsonProperty("OomKillDisable") boolean oomKillDisable,
      @JsonProperty("PidsLimit") Long pidsLimit,
      @JsonProperty("Ulimits") List<UlimitView> ulimits,
      @JsonProperty("CpuCount") long cpuCount,
      @JsonProperty("CpuPercent") long cpuPercent,
      @JsonProperty("IOMaximumIOps") long ioMaximumIops,
      @JsonProperty("IOMaximumBandwidth") long ioMaximumBandwidth) {}

  record DeviceView(
      @JsonProperty("PathOnHost") String pathOnHost,
      @JsonProperty("PathInContainer") String pathInContainer,
      @JsonProperty("CgroupPermissions") String cgroupPermissions) {}

  record UlimitView(
      @JsonProperty("Name") String name,
      @JsonProperty("Hard") long hard,
      @JsonProperty("Soft") long soft) {}

  /** The view of a container's settings. */
  static HostConfigView of(HostSettings host) {
    HostSettings.Storage storage = host.storage();
    HostSettings.Networking networking = host.networking();
    HostSettings.Resources resources = host.resources();
    HostSettings.Privileges privileges = host.privileges();
    var portBindings = new java.util.LinkedHashMap<String, List<PortBindingView>>();
    networking
        .portBindings()
        .forEach(
            (port, bindings) ->
                portBindings.put(
                    port,
                    bindings.stream()
                        .map(binding -> new PortBindingView(binding.hostIp(), binding.hostPort()))
                        .toList()));
    return new HostConfigView(
        new Storage(
            nullIfEmpty(storage.binds()),
            "",
            storage.volumeDriver(),
            nullIfEmpty(storage.volumesFrom()),
            storage.mounts().stream()
                .map(
                    mount ->
                        new MountRequestView(
                            mount.type(), mount.source(), mount.target(), mount.readOnly()))
                .toList(),
            storage.tmpfs(),
            storage.readonlyRootfs(),
            resources.shmSize() > 0 ? resources.shmSize() : Filesystem.DEFAULT_SHM_SIZE),
        new Networking(
            networking.networkMode().isEmpty() ? "default" : networking.networkMode(),
            portBindings,
            networking.publishAllPorts(),
            networking.dns(),
            networking.dnsOptions(),
            networking.dnsSearch(),
            nullIfEmpty(networking.extraHosts()),
            null),
        new Lifecycle(
            new LogConfigView(
                host.logConfig().type().isEmpty() ? "json-file" : host.logConfig().type(),
                host.logConfig().config()),
            new RestartPolicyView(
                host.restartPolicy().name(), host.restartPolicy().maximumRetryCount()),
            host.autoRemove(),
            host.init() ? Boolean.TRUE : null,
            "runc",
            List.of(0, 0),
            ""),
        new Security(
            nullIfEmpty(privileges.capAdd()),
            nullIfEmpty(privileges.capDrop()),
            CgroupHost.ofHost().unified() ? "private" : "host",
            null,
            host.ipcMode().isEmpty() ? "private" : host.ipcMode(),
            "",
            0,
            host.pidMode(),
            privileges.privileged(),
            nullIfEmpty(privileges.securityOpt()),
            host.kernel().sysctls(),
            "",
            "",
            privileges.privileged() ? null : Filesystem.MASKED_PATHS,
            privileges.privileged() ? null : Filesystem.READONLY_PATHS),
        new Resources(
            resources.cpuShares(),
            resources.memory(),
            resources.nanoCpus(),
            "",
            0,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            resources.cpuPeriod(),
            resources.cpuQuota(),
            0,
            0,
            resources.cpusetCpus(),
            resources.cpusetMems(),
            host.kernel().devices().stream()
                .map(
                    device ->
                        new DeviceView(
                            device.pathOnHost(),
                            device.pathInContainer(),
                            device.cgroupPermissions()))
                .toList(),
            null,
            null,
            0,
            0,
            resources.memoryReservation(),
            resources.memory() > 0 && resources.memorySwap() == 0
                ? resources.memory() * 2
                : resources.memorySwap(),
            null,
            resources.oomKillDisable(),
            resources.pidsLimit() > 0 ? resources.pidsLimit() : null,
            host.kernel().ulimits().stream()
                .map(ulimit -> new UlimitView(ulimit.name(), ulimit.hard(), ulimit.soft()))
                .toList(),
            0,
            0,
            0,
            0));
  }

  private static <T> List<T> nullIfEmpty(List<T> values) {
    return values.isEmpty() ? null : values;
  }
}
