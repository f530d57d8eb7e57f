package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything a container's first process needs from the runtime: what to run and as whom, its
 * privileges and limits, its filesystem, its namespaces and its cgroup. {@link BundleWriter} turns
 * it into an OCI {@code config.json}.
 *
 * @param command the program, its environment, working directory and terminal
 * @param user who runs it, as Docker's {@code User} ({@code uid[:gid]} or names from the rootfs)
 * @param hostname the container's hostname (UTS namespace)
 * @param capabilities Docker's default set adjusted by add/drop, or everything when privileged
 * @param rlimits resource limits; each is clamped to the engine's own hard limit
 * @param filesystem the root's writability, mounts and the files bound over /etc
 * @param namespaces which network, IPC and PID namespaces the process joins
 * @param resources the cgroup and its memory, pids and cpu limits
 * @param devices host device nodes made in the container and allowed in its device cgroup
 * @param sysctls kernel parameters set in the container's namespaces
 * @param init run under tini ({@code /sbin/docker-init --}) so signals and zombies are handled
 */
public record ContainerProcess(
    Command command,
    UserSpec user,
    String hostname,
    Capabilities capabilities,
    List<Rlimit> rlimits,
    Filesystem filesystem,
    Namespaces namespaces,
    CgroupResources resources,
    List<DeviceNode> devices,
    Map<String, String> sysctls,
    boolean init) {

  private static final Pattern HOSTNAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");

  public ContainerProcess {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(capabilities, "capabilities");
    rlimits = List.copyOf(rlimits);
    Objects.requireNonNull(filesystem, "filesystem");
    Objects.requireNonNull(namespaces, "namespaces");
    Objects.requireNonNull(resources, "resources");
    devices = List.copyOf(devices);
    sysctls = Map.copyOf(sysctls);
    if (hostname.length() > 253 || !HOSTNAME.matcher(hostname).matches()) {
      throw new EngineFault.InvalidArgument("invalid hostname \"" + hostname + "\"");
    }
    if (rlimits.stream().map(Rlimit::type).distinct().count() != rlimits.size()) {
      throw new EngineFault.InvalidArgument("an rlimit is given twice: " + rlimits);
    }
  }

  /**
   * The process with Docker's defaults around a command: root, default capabilities, no rlimits, a
   * writable root with only the standard mounts, private namespaces and no limits.
   */
  public static ContainerProcess of(Command command, String hostname, String cgroupPath) {
    return new ContainerProcess(
        command,
        UserSpec.ROOT,
        hostname,
        Capabilities.DEFAULT,
        List.of(),
        Filesystem.DEFAULT,
        Namespaces.PRIVATE,
        CgroupResources.unlimited(cgroupPath),
        List.of(),
        Map.of(),
        false);
  }

  public ContainerProcess withUser(UserSpec newUser) {
    return new ContainerProcess(
        command,
        newUser,
        hostname,
        capabilities,
        rlimits,
        filesystem,
        namespaces,
        resources,
        devices,
        sysctls,
        init);
  }

  public ContainerProcess withCapabilities(Capabilities newCapabilities) {
    return new ContainerProcess(
        command,
        user,
        hostname,
        newCapabilities,
        rlimits,
        filesystem,
        namespaces,
        resources,
        devices,
        sysctls,
        init);
  }

  public ContainerProcess withRlimits(List<Rlimit> newRlimits) {
    return new ContainerProcess(
        command,
        user,
        hostname,
        capabilities,
        newRlimits,
        filesystem,
        namespaces,
        resources,
        devices,
        sysctls,
        init);
  }

  public ContainerProcess withFilesystem(Filesystem newFilesystem) {
    return new ContainerProcess(
        command,
        user,
        hostname,
        capabilities,
        rlimits,
        newFilesystem,
        namespaces,
        resources,
        devices,
        sysctls,
        init);
  }

  public ContainerProcess withNamespaces(Namespaces newNamespaces) {
    return new ContainerProcess(
        command,
        user,
        hostname,
        capabilities,
        rlimits,
        filesystem,
        newNamespaces,
        resources,
        devices,
        sysctls,
        init);
  }

  public ContainerProcess withResources(CgroupResources newResources) {
    return new ContainerProcess(
        command,
        user,
        hostname,
        capabilities,
        rlimits,
        filesystem,
        namespaces,
        newResources,
        devices,
        sysctls,
        init);
  }

  public ContainerProcess withDevices(List<DeviceNode> newDevices) {
    return new ContainerProcess(
        command,
        user,
        hostname,
        capabilities,
        rlimits,
        filesystem,
        namespaces,
        resources,
        newDevices,
        sysctls,
        init);
  }

  public ContainerProcess withSysctls(Map<String, String> newSysctls) {
    return new ContainerProcess(
        command,
        user,
        hostname,
        capabilities,
        rlimits,
        filesystem,
        namespaces,
        resources,
        devices,
        newSysctls,
        init);
  }

  public ContainerProcess withInit(boolean newInit) {
    return new ContainerProcess(
        command,
        user,
        hostname,
        capabilities,
        rlimits,
        filesystem,
        namespaces,
        resources,
        devices,
        sysctls,
        newInit);
  }
}
