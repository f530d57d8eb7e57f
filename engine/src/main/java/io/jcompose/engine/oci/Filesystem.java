package io.jcompose.engine.oci;

import io.jcompose.engine.fault.EngineFault;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The container's filesystem beyond its root.
 *
 * @param readonlyRootfs the root is mounted read-only
 * @param mounts the caller's binds and tmpfs mounts, applied after the standard set in order
 * @param hostFiles the files bound over /etc/resolv.conf, /etc/hosts and /etc/hostname
 * @param shmSizeBytes the size of the /dev/shm tmpfs (Docker's default is 64 MiB)
 */
public record Filesystem(
    boolean readonlyRootfs, List<Mount> mounts, HostFiles hostFiles, long shmSizeBytes) {

  /** Paths of /proc and /sys hidden from a container (Docker's defaults). */
  public static final List<String> MASKED_PATHS =
      List.of(
          "/proc/asound",
          "/proc/acpi",
          "/proc/kcore",
          "/proc/keys",
          "/proc/latency_stats",
          "/proc/timer_list",
          "/proc/timer_stats",
          "/proc/sched_debug",
          "/proc/scsi",
          "/sys/firmware",
          "/sys/devices/virtual/powercap");

  /** Paths of /proc mounted read-only in a container (Docker's defaults). */
  public static final List<String> READONLY_PATHS =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  public static final long DEFAULT_SHM_SIZE = 64L * 1024 * 1024;

  public static final Filesystem DEFAULT =
      new Filesystem(false, List.of(), HostFiles.NONE, DEFAULT_SHM_SIZE);

  public Filesystem {
    mounts = List.copyOf(mounts);
    Objects.requireNonNull(hostFiles, "hostFiles");
    if (shmSizeBytes <= 0) {
      throw new EngineFault.InvalidArgument("shm size must be > 0, not " + shmSizeBytes);
    }
    var destinations = new HashSet<String>();
    for (Mount mount : mounts) {
      if (!destinations.add(mount.destination())) {
        throw new EngineFault.InvalidArgument("Duplicate mount point: " + mount.destination());
      }
    }
  }

  public Filesystem withMounts(List<Mount> newMounts) {
    return new Filesystem(readonlyRootfs, newMounts, hostFiles, shmSizeBytes);
  }

  public Filesystem withHostFiles(HostFiles newHostFiles) {
    return new Filesystem(readonlyRootfs, mounts, newHostFiles, shmSizeBytes);
  }

  public Filesystem withReadonlyRootfs(boolean newReadonlyRootfs) {
    return new Filesystem(newReadonlyRootfs, mounts, hostFiles, shmSizeBytes);
  }
}
