package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /containers/{id}/json}, shaped and typed as dockerd's (see the samples): times are RFC
 * 3339 strings, {@code NetworkSettings.Ports} is an object (empty, never {@code null}, before
 * start), unset times are Go's zero time.
 */
record InspectBody(
    @JsonProperty("Id") String id,
    @JsonProperty("Created") String created,
    @JsonProperty("Path") String path,
    @JsonProperty("Args") List<String> args,
    @JsonProperty("State") StateBody state,
    @JsonProperty("Image") String image,
    @JsonProperty("ResolvConfPath") String resolvConfPath,
    @JsonProperty("HostnamePath") String hostnamePath,
    @JsonProperty("HostsPath") String hostsPath,
    @JsonProperty("LogPath") String logPath,
    @JsonProperty("Name") String name,
    @JsonProperty("RestartCount") int restartCount,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Platform") String platform,
    @JsonProperty("MountLabel") String mountLabel,
    @JsonProperty("ProcessLabel") String processLabel,
    @JsonProperty("AppArmorProfile") String appArmorProfile,
    @JsonProperty("ExecIDs") List<String> execIds,
    @JsonProperty("HostConfig") HostConfigView hostConfig,
    @JsonProperty("GraphDriver") GraphDriverBody graphDriver,
    @JsonProperty("SizeRw") @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRw,
    @JsonProperty("SizeRootFs") @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRootFs,
    @JsonProperty("Mounts") List<MountBody> mounts,
    @JsonProperty("Config") ConfigBody config,
    @JsonProperty("NetworkSettings") NetworkSettingsBody networkSettings) {

  record StateBody(
      @JsonProperty("Status") String status,
      @JsonProperty("Running") boolean running,
      @JsonProperty("Paused") boolean paused,
      @JsonProperty("Restarting") boolean restarting,
      @JsonProperty("OOMKilled") boolean oomKilled,
      @JsonProperty("Dead") boolean dead,
      @JsonProperty("Pid") long pid,
      @JsonProperty("ExitCode") int exitCode,
      @JsonProperty("Error") String error,
      @JsonProperty("StartedAt") String startedAt,
      @JsonProperty("FinishedAt") String finishedAt,
      @JsonProperty("Health") @JsonInclude(JsonInclude.Include.NON_NULL) HealthBody health) {}

  record HealthBody(
      @JsonProperty("Status") String status,
      @JsonProperty("FailingStreak") int failingStreak,
      @JsonProperty("Log") List<ProbeBody> log) {}

  record ProbeBody(
      @JsonProperty("Start") String start,
      @JsonProperty("End") String end,
      @JsonProperty("ExitCode") int exitCode,
      @JsonProperty("Output") String output) {}

  record GraphDriverBody(
      @JsonProperty("Data") Map<String, String> data, @JsonProperty("Name") String name) {}

  /** One of {@code Mounts}. */
  record MountBody(
      @JsonProperty("Type") String type,
      @JsonProperty("Name") @JsonInclude(JsonInclude.Include.NON_EMPTY) String name,
      @JsonProperty("Source") String source,
      @JsonProperty("Destination") String destination,
      @JsonProperty("Driver") @JsonInclude(JsonInclude.Include.NON_EMPTY) String driver,
      @JsonProperty("Mode") String mode,
      @JsonProperty("RW") boolean readWrite,
      @JsonProperty("Propagation") String propagation) {}

  /** {@code Config}. */
  record ConfigBody(
      @JsonProperty("Hostname") String hostname,
      @JsonProperty("Domainname") String domainname,
      @JsonProperty("User") String user,
      @JsonProperty("AttachStdin") boolean attachStdin,
      @JsonProperty("AttachStdout") boolean attachStdout,
      @JsonProperty("AttachStderr") boolean attachStderr,
      @JsonProperty("ExposedPorts") @JsonInclude(JsonInclude.Include.NON_EMPTY)
          Map<String, Map<String, Object>> exposedPorts,
      @JsonProperty("Tty") boolean tty,
      @JsonProperty("OpenStdin") boolean openStdin,
      @JsonProperty("StdinOnce") boolean stdinOnce,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Cmd") List<String> cmd,
      @JsonProperty("Healthcheck") @JsonInclude(JsonInclude.Include.NON_NULL)
          HealthcheckBody healthcheck,
      @JsonProperty("Image") String image,
      @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
      @JsonProperty("WorkingDir") String workingDir,
      @JsonProperty("Entrypoint") List<String> entrypoint,
      @JsonProperty("OnBuild") List<String> onBuild,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("StopSignal") @JsonInclude(JsonInclude.Include.NON_EMPTY) String stopSignal,
      @JsonProperty("StopTimeout") @JsonInclude(JsonInclude.Include.NON_NULL)
          Integer stopTimeout) {}

  record HealthcheckBody(
      @JsonProperty("Test") List<String> test,
      @JsonProperty("Interval") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long interval,
      @JsonProperty("Timeout") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long timeout,
      @JsonProperty("StartPeriod") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long startPeriod,
      @JsonProperty("StartInterval") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
          long startInterval,
      @JsonProperty("Retries") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int retries) {}

  /** {@code NetworkSettings}; the top-level addresses are the default bridge's, if on it. */
  record NetworkSettingsBody(
      @JsonProperty("Bridge") String bridge,
      @JsonProperty("SandboxID") String sandboxId,
      @JsonProperty("HairpinMode") boolean hairpinMode,
      @JsonProperty("LinkLocalIPv6Address") String linkLocalIpv6Address,
      @JsonProperty("LinkLocalIPv6PrefixLen") int linkLocalIpv6PrefixLen,
      @JsonProperty("Ports") Map<String, List<PortBody>> ports,
      @JsonProperty("SandboxKey") String sandboxKey,
      @JsonProperty("SecondaryIPAddresses") List<String> secondaryIpAddresses,
      @JsonProperty("SecondaryIPv6Addresses") List<String> secondaryIpv6Addresses,
      @JsonProperty("EndpointID") String endpointId,
      @JsonProperty("Gateway") String gateway,
      @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
      @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
      @JsonProperty("IPAddress") String ipAddress,
      @JsonProperty("IPPrefixLen") int ipPrefixLen,
      @JsonProperty("IPv6Gateway") String ipv6Gateway,
      @JsonProperty("MacAddress") String macAddress,
      @JsonProperty("Networks") Map<String, EndpointBody> networks) {}

  record PortBody(
      @JsonProperty("HostIp") String hostIp, @JsonProperty("HostPort") String hostPort) {}

  /** A network's {@code EndpointSettings}, here and in the list. */
  record EndpointBody(
      @JsonProperty("IPAMConfig") IpamBody ipamConfig,
      @JsonProperty("Links") List<String> links,
      @JsonProperty("Aliases") List<String> aliases,
      @JsonProperty("NetworkID") String networkId,
      @JsonProperty("EndpointID") String endpointId,
      @JsonProperty("Gateway") String gateway,
      @JsonProperty("IPAddress") String ipAddress,
      @JsonProperty("IPPrefixLen") int ipPrefixLen,
      @JsonProperty("IPv6Gateway") String ipv6Gateway,
      @JsonProperty("GlobalIPv6Address") String globalIpv6Address,
      @JsonProperty("GlobalIPv6PrefixLen") int globalIpv6PrefixLen,
      @JsonProperty("MacAddress") String macAddress,
      @JsonProperty("DriverOpts") Map<String, String> driverOpts,
      @JsonProperty("DNSNames") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> dnsNames) {}

  record IpamBody(@JsonProperty("IPv4Address") String ipv4Address) {}
}
