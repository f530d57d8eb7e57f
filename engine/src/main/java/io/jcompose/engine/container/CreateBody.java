package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /containers/create}: the container {@code Config} with {@code HostConfig}
 * and {@code NetworkingConfig} beside it. Every field may be absent or {@code null} (docker-java
 * sends {@code null} for anything it was not given); unknown fields are ignored.
 */
record CreateBody(
    @JsonProperty("Hostname") String hostname,
    @JsonProperty("Domainname") String domainname,
    @JsonProperty("User") String user,
    @JsonProperty("AttachStdin") Boolean attachStdin,
    @JsonProperty("AttachStdout") Boolean attachStdout,
    @JsonProperty("AttachStderr") Boolean attachStderr,
    @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
    @JsonProperty("Tty") Boolean tty,
    @JsonProperty("OpenStdin") Boolean openStdin,
    @JsonProperty("StdinOnce") Boolean stdinOnce,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Cmd") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> cmd,
    @JsonProperty("Healthcheck") HealthcheckBody healthcheck,
    @JsonProperty("Image") String image,
    @JsonProperty("Volumes") Map<String, Object> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Entrypoint") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> entrypoint,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("StopSignal") String stopSignal,
    @JsonProperty("StopTimeout") Integer stopTimeout,
    @JsonProperty("HostConfig") HostConfigBody hostConfig,
    @JsonProperty("NetworkingConfig") NetworkingConfigBody networkingConfig) {

  CreateBody withHealthcheck(HealthcheckBody newHealthcheck) {
    return new CreateBody(
        hostname,
        domainname,
        user,
        attachStdin,
        attachStdout,
        attachStderr,
        exposedPorts,
        tty,
        openStdin,
        stdinOnce,
        env,
        cmd,
        newHealthcheck,
        image,
        volumes,
        workingDir,
        entrypoint,
        labels,
        stopSignal,
        stopTimeout,
        hostConfig,
        networkingConfig);
  }

  /** {@code Healthcheck}: durations in nanoseconds. */
  record HealthcheckBody(
      @JsonProperty("Test") List<String> test,
      @JsonProperty("Interval") Long interval,
      @JsonProperty("Timeout") Long timeout,
      @JsonProperty("StartPeriod") Long startPeriod,
      @JsonProperty("StartInterval") Long startInterval,
      @JsonProperty("Retries") Integer retries) {}

  /** {@code HostConfig}, the fields the engine reads. */
  record HostConfigBody(
      @JsonProperty("Binds") List<String> binds,
      @JsonProperty("Mounts") List<MountBody> mounts,
      @JsonProperty("Tmpfs") Map<String, String> tmpfs,
      @JsonProperty("VolumesFrom") List<String> volumesFrom,
      @JsonProperty("ReadonlyRootfs") Boolean readonlyRootfs,
      @JsonProperty("VolumeDriver") String volumeDriver,
      @JsonProperty("NetworkMode") String networkMode,
      @JsonProperty("PortBindings") Map<String, List<PortBindingBody>> portBindings,
      @JsonProperty("PublishAllPorts") Boolean publishAllPorts,
      @JsonProperty("Dns") List<String> dns,
      @JsonProperty("DnsSearch") List<String> dnsSearch,
      @JsonProperty("DnsOptions") List<String> dnsOptions,
      @JsonProperty("ExtraHosts") List<String> extraHosts,
      @JsonProperty("RestartPolicy") RestartPolicyBody restartPolicy,
      @JsonProperty("AutoRemove") Boolean autoRemove,
      @JsonProperty("Privileged") Boolean privileged,
      @JsonProperty("CapAdd") List<String> capAdd,
      @JsonProperty("CapDrop") List<String> capDrop,
      @JsonProperty("SecurityOpt") List<String> securityOpt,
      @JsonProperty("Memory") Long memory,
      @JsonProperty("MemorySwap") Long memorySwap,
      @JsonProperty("MemoryReservation") Long memoryReservation,
      @JsonProperty("NanoCpus") Long nanoCpus,
      @JsonProperty("CpuShares") Long cpuShares,
      @JsonProperty("CpuPeriod") Long cpuPeriod,
      @JsonProperty("CpuQuota") Long cpuQuota,
      @JsonProperty("PidsLimit") Long pidsLimit,
      @JsonProperty("CpusetCpus") String cpusetCpus,
      @JsonProperty("CpusetMems") String cpusetMems,
      @JsonProperty("OomKillDisable") Boolean oomKillDisable,
      @JsonProperty("Ulimits") List<UlimitBody> ulimits,
      @JsonProperty("Devices") List<DeviceBody> devices,
      @JsonProperty("Sysctls") Map<String, String> sysctls,
      @JsonProperty("ShmSize") Long shmSize,
      @JsonProperty("LogConfig") LogConfigBody logConfig,
      @JsonProperty("Init") Boolean init,
      @JsonProperty("IpcMode") String ipcMode,
      @JsonProperty("PidMode") String pidMode) {}

  /** One {@code HostConfig.Mounts} entry. */
  record MountBody(
      @JsonProperty("Type") String type,
      @JsonProperty("Source") String source,
      @JsonProperty("Target") String target,
      @JsonProperty("ReadOnly") Boolean readOnly,
      @JsonProperty("VolumeOptions") VolumeOptionsBody volumeOptions,
      @JsonProperty("TmpfsOptions") TmpfsOptionsBody tmpfsOptions) {}

  record VolumeOptionsBody(
      @JsonProperty("NoCopy") Boolean noCopy, @JsonProperty("Labels") Map<String, String> labels) {}

  record TmpfsOptionsBody(
      @JsonProperty("SizeBytes") Long sizeBytes, @JsonProperty("Mode") Integer mode) {}

  record PortBindingBody(
      @JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {}

  record UlimitBody(
      @JsonProperty("Name") String name,
      @JsonProperty("Soft") Long soft,
      @JsonProperty("Hard") Long hard) {}

  record DeviceBody(
      @JsonProperty("PathOnHost") String pathOnHost,
      @JsonProperty("PathInContainer") String pathInContainer,
      @JsonProperty("CgroupPermissions") String cgroupPermissions) {}

  record RestartPolicyBody(
      @JsonProperty("Name") String name,
      @JsonProperty("MaximumRetryCount") Integer maximumRetryCount) {}

  record LogConfigBody(
      @JsonProperty("Type") String type, @JsonProperty("Config") Map<String, String> config) {}

  /** {@code NetworkingConfig}. */
  record NetworkingConfigBody(
      @JsonProperty("EndpointsConfig") Map<String, EndpointBody> endpointsConfig) {}

  /** One network's {@code EndpointSettings} at create, or in a connect. */
  record EndpointBody(
      @JsonProperty("Aliases") List<String> aliases,
      @JsonProperty("IPAMConfig") IpamBody ipamConfig,
      @JsonProperty("MacAddress") String macAddress) {}

  record IpamBody(@JsonProperty("IPv4Address") String ipv4Address) {}
}
