package io.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /info}: one flat JSON object, as dockerd's (see
 * shared/docker-api/samples/system-info.json), written from sections that are unwrapped into it.
 */
record InfoBody(
    @JsonUnwrapped Identity identity,
    @JsonUnwrapped Counts counts,
    @JsonUnwrapped Storage storage,
    @JsonUnwrapped Capabilities capabilities,
    @JsonUnwrapped Host host,
    @JsonUnwrapped RuntimeSection runtime,
    @JsonUnwrapped Registry registry,
    @JsonUnwrapped Cluster cluster) {

  record Identity(
      @JsonProperty("ID") String id,
      @JsonProperty("Name") String name,
      @JsonProperty("ServerVersion") String serverVersion,
      @JsonProperty("ExperimentalBuild") boolean experimentalBuild,
      @JsonProperty("Debug") boolean debug,
      @JsonProperty("Labels") List<String> labels,
      @JsonProperty("Warnings") List<String> warnings) {}

  record Counts(
      @JsonProperty("Containers") int containers,
      @JsonProperty("ContainersRunning") int containersRunning,
      @JsonProperty("ContainersPaused") int containersPaused,
      @JsonProperty("ContainersStopped") int containersStopped,
      @JsonProperty("Images") int images,
      @JsonProperty("NFd") int fileDescriptors,
      @JsonProperty("NGoroutines") int threads,
      @JsonProperty("NEventsListener") int eventListeners) {}

  record Storage(
      @JsonProperty("Driver") String driver,
      @JsonProperty("DriverStatus") List<List<String>> driverStatus,
      @JsonProperty("DockerRootDir") String dockerRootDir) {}

  record Capabilities(
      @JsonProperty("MemoryLimit") boolean memoryLimit,
      @JsonProperty("SwapLimit") boolean swapLimit,
      @JsonProperty("KernelMemoryTCP") boolean kernelMemoryTcp,
      @JsonProperty("CpuCfsPeriod") boolean cpuCfsPeriod,
      @JsonProperty("CpuCfsQuota") boolean cpuCfsQuota,
      @JsonProperty("CPUShares") boolean cpuShares,
      @JsonProperty("CPUSet") boolean cpuSet,
      @JsonProperty("PidsLimit") boolean pidsLimit,
      @JsonProperty("OomKillDisable") boolean oomKillDisable,
      @JsonProperty("IPv4Forwarding") boolean ipv4Forwarding,
      @JsonProperty("BridgeNfIptables") boolean bridgeNfIptables,
      @JsonProperty("BridgeNfIp6tables") boolean bridgeNfIp6tables) {}

  record Host(
      @JsonProperty("SystemTime") String systemTime,
      @JsonProperty("KernelVersion") String kernelVersion,
      @JsonProperty("OperatingSystem") String operatingSystem,
      @JsonProperty("OSVersion") String osVersion,
      @JsonProperty("OSType") String osType,
      @JsonProperty("Architecture") String architecture,
      @JsonProperty("NCPU") int cpus,
      @JsonProperty("MemTotal") long memTotal,
      @JsonProperty("CgroupDriver") String cgroupDriver,
      @JsonProperty("CgroupVersion") String cgroupVersion,
      @JsonProperty("HttpProxy") String httpProxy,
      @JsonProperty("HttpsProxy") String httpsProxy,
      @JsonProperty("NoProxy") String noProxy) {}

  record RuntimeSection(
      @JsonProperty("Runtimes") Map<String, RuntimePath> runtimes,
      @JsonProperty("DefaultRuntime") String defaultRuntime,
      @JsonProperty("LoggingDriver") String loggingDriver,
      @JsonProperty("Plugins") Plugins plugins,
      @JsonProperty("LiveRestoreEnabled") boolean liveRestoreEnabled,
      @JsonProperty("Isolation") String isolation,
      @JsonProperty("InitBinary") String initBinary,
      @JsonProperty("ContainerdCommit") Commit containerdCommit,
      @JsonProperty("RuncCommit") Commit runcCommit,
      @JsonProperty("InitCommit") Commit initCommit,
      @JsonProperty("SecurityOptions") List<String> securityOptions,
      @JsonProperty("GenericResources") List<Object> genericResources) {}

  record RuntimePath(@JsonProperty("path") String path) {}

  record Plugins(
      @JsonProperty("Volume") List<String> volume,
      @JsonProperty("Network") List<String> network,
      @JsonProperty("Authorization") List<String> authorization,
      @JsonProperty("Log") List<String> log) {}

  record Commit(@JsonProperty("ID") String id, @JsonProperty("Expected") String expected) {}

  record Registry(
      @JsonProperty("IndexServerAddress") String indexServerAddress,
      @JsonProperty("RegistryConfig") RegistryConfig registryConfig) {}

  record RegistryConfig(
      @JsonProperty("AllowNondistributableArtifactsCIDRs") List<String> nondistributableCidrs,
      @JsonProperty("AllowNondistributableArtifactsHostnames") List<String> nondistributableHosts,
      @JsonProperty("InsecureRegistryCIDRs") List<String> insecureRegistryCidrs,
      @JsonProperty("IndexConfigs") Map<String, IndexInfo> indexConfigs,
      @JsonProperty("Mirrors") List<String> mirrors) {}

  record IndexInfo(
      @JsonProperty("Name") String name,
      @JsonProperty("Mirrors") List<String> mirrors,
      @JsonProperty("Secure") boolean secure,
      @JsonProperty("Official") boolean official) {}

  record Cluster(@JsonProperty("Swarm") Swarm swarm) {}

  record Swarm(
      @JsonProperty("NodeID") String nodeId,
      @JsonProperty("NodeAddr") String nodeAddr,
      @JsonProperty("LocalNodeState") String localNodeState,
      @JsonProperty("ControlAvailable") boolean controlAvailable,
      @JsonProperty("Error") String error,
      @JsonProperty("RemoteManagers") List<Object> remoteManagers) {}
}
