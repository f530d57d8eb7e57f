package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.oci.Capabilities;
import io.jcompose.engine.oci.Rlimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Set;

/**
 * dockerd's checks of a create request's limits, capabilities, ulimits and sysctls, with its
 * messages, so that a bad value is refused with 400 at create rather than failing at start.
 */
final class ResourceCheck {

  private static final long MINIMUM_MEMORY = 6L * 1024 * 1024;
  private static final Set<String> IPC_SYSCTLS =
      Set.of(
          "kernel.msgmax",
          "kernel.msgmnb",
          "kernel.msgmni",
          "kernel.sem",
          "kernel.shmall",
          "kernel.shmmax",
          "kernel.shmmni",
          "kernel.shm_rmid_forced");

  private ResourceCheck() {}

  /**
   * @throws EngineFault.InvalidArgument for the first setting dockerd would refuse
   */
  static void validate(HostSettings host, NetworkMode network) {
    memory(host.resources());
    cpu(host.resources());
    if (host.resources().shmSize() < 0) {
      throw new EngineFault.InvalidArgument("SHM size can not be less than 0");
    }
    HostSettings.Privileges privileges = host.privileges();
    new Capabilities(privileges.privileged(), privileges.capAdd(), privileges.capDrop());
    for (HostSettings.Ulimit ulimit : host.kernel().ulimits()) {
      ulimit(ulimit);
    }
    for (HostSettings.DeviceMapping device : host.kernel().devices()) {
      if (!device.cgroupPermissions().matches("[rwm]{1,3}")) {
        throw new EngineFault.InvalidArgument("invalid device mode: " + device.cgroupPermissions());
      }
      if (!device.pathOnHost().startsWith("/")) {
        throw new EngineFault.InvalidArgument(
            "device path \"" + device.pathOnHost() + "\" is not absolute");
      }
    }
    for (String key : host.kernel().sysctls().keySet()) {
      sysctl(key, network instanceof NetworkMode.Host, host.ipcMode().equals("host"));
    }
  }

  private static void memory(HostSettings.Resources limits) {
    if (limits.memory() != 0 && limits.memory() < MINIMUM_MEMORY) {
      throw new EngineFault.InvalidArgument("Minimum memory limit allowed is 6MB");
    }
    if (limits.memory() > 0 && limits.memorySwap() > 0 && limits.memorySwap() < limits.memory()) {
      throw new EngineFault.InvalidArgument(
          "Minimum memoryswap limit should be larger than memory limit, see usage");
    }
    if (limits.memory() == 0 && limits.memorySwap() > 0) {
      throw new EngineFault.InvalidArgument(
          "You should always set the Memory limit when using Memoryswap limit, see usage");
    }
    if (limits.memoryReservation() > 0 && limits.memoryReservation() < MINIMUM_MEMORY) {
      throw new EngineFault.InvalidArgument("Minimum memory reservation allowed is 6MB");
    }
    if (limits.memory() > 0
        && limits.memoryReservation() > 0
        && limits.memory() < limits.memoryReservation()) {
      throw new EngineFault.InvalidArgument(
          "Minimum memory limit can not be less than memory reservation limit, see usage");
    }
  }

  private static void cpu(HostSettings.Resources limits) {
    if (limits.nanoCpus() > 0 && limits.cpuPeriod() > 0) {
      throw new EngineFault.InvalidArgument(
          "Conflicting options: Nano CPUs and CPU Period cannot both be set");
    }
    if (limits.nanoCpus() > 0 && limits.cpuQuota() > 0) {
      throw new EngineFault.InvalidArgument(
          "Conflicting options: Nano CPUs and CPU Quota cannot both be set");
    }
    int cpus = Runtime.getRuntime().availableProcessors();
    if (limits.nanoCpus() < 0 || limits.nanoCpus() > cpus * 1_000_000_000L) {
      throw new EngineFault.InvalidArgument(
          "Range of CPUs is from 0.01 to "
              + cpus
              + ".00, as there are only "
              + cpus
              + " CPUs available");
    }
    if (limits.cpuPeriod() != 0 && (limits.cpuPeriod() < 1000 || limits.cpuPeriod() > 1_000_000)) {
      throw new EngineFault.InvalidArgument(
          "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
    }
    if (limits.cpuQuota() > 0 && limits.cpuQuota() < 1000) {
      throw new EngineFault.InvalidArgument("CPU cfs quota can not be less than 1ms (i.e. 1000)");
    }
    cpuset(limits.cpusetCpus(), "cpus", "CPUs", Path.of("/sys/devices/system/cpu/online"));
    cpuset(limits.cpusetMems(), "mems", "memory nodes", Path.of("/sys/devices/system/node/online"));
  }

  /** {@code 0-2,4} against what the host has online. */
  private static void cpuset(String requested, String field, String what, Path online) {
    if (requested.isEmpty()) {
      return;
    }
    BitSet wanted = parseList(requested);
    if (wanted == null) {
      throw new EngineFault.InvalidArgument("Invalid value " + requested + " for cpuset " + field);
    }
    String available;
    try {
      available = Files.exists(online) ? Files.readString(online).strip() : "0";
    } catch (IOException e) {
      return; // nothing to compare with: runc reports what the kernel refuses
    }
    BitSet present = parseList(available);
    if (present != null) {
      BitSet missing = (BitSet) wanted.clone();
      missing.andNot(present);
      if (!missing.isEmpty()) {
        throw new EngineFault.InvalidArgument(
            "Requested "
                + what
                + " are not available - requested "
                + requested
                + ", available: "
                + available);
      }
    }
  }

  /** A kernel list ({@code 0-2,4}), or null when it is not one. */
  private static BitSet parseList(String list) {
    var bits = new BitSet();
    for (String part : list.split(",", -1)) {
      String[] range = part.split("-", -1);
      try {
        int first = Integer.parseInt(range[0]);
        int last = range.length == 2 ? Integer.parseInt(range[1]) : first;
        if (range.length > 2 || first < 0 || last < first || last > 8192) {
          return null;
        }
        bits.set(first, last + 1);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return bits;
  }

  private static void ulimit(HostSettings.Ulimit ulimit) {
    try {
      Rlimit.of(ulimit.name(), ulimit.soft(), ulimit.hard());
    } catch (EngineFault.InvalidArgument e) {
      if (ulimit.soft() > ulimit.hard() && ulimit.hard() >= 0) {
        throw new EngineFault.InvalidArgument(
            "ulimit soft limit must be less than or equal to hard limit: "
                + ulimit.soft()
                + " > "
                + ulimit.hard());
      }
      throw new EngineFault.InvalidArgument("invalid ulimit type: " + ulimit.name());
    }
  }

  /** runc's rule: only parameters of the container's own namespaces may be set. */
  private static void sysctl(String key, boolean hostNetwork, boolean hostIpc) {
    if (IPC_SYSCTLS.contains(key) || key.startsWith("fs.mqueue.")) {
      if (hostIpc) {
        throw new EngineFault.InvalidArgument(
            "sysctl \"" + key + "\" is not allowed in the hosts ipc namespace");
      }
      return;
    }
    if (key.startsWith("net.")) {
      if (hostNetwork) {
        throw new EngineFault.InvalidArgument(
            "sysctl \"" + key + "\" not allowed in host network namespace");
      }
      return;
    }
    if (key.equals("kernel.domainname")) {
      return;
    }
    if (key.equals("kernel.hostname")) {
      throw new EngineFault.InvalidArgument(
          "sysctl \"kernel.hostname\" is not allowed as it conflicts with the OCI \"hostname\""
              + " field");
    }
    throw new EngineFault.InvalidArgument(
        "sysctl \"" + key + "\" is not in a separate kernel namespace");
  }
}
