package io.jcompose.engine.oci;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's cgroups, as far as a container's spec depends on them: on a unified (v2) host Docker
 * gives each container a private cgroup namespace and has no OOM-killer switch; without swap
 * accounting a memory limit is set without a swap limit (runc would fail to write it).
 *
 * @param unified {@code /sys/fs/cgroup} itself is the cgroup2 mount
 * @param swapLimit the kernel accounts swap per cgroup ({@code memory.memsw.*} on v1)
 */
public record CgroupHost(boolean unified, boolean swapLimit) {

  /** A v1 or hybrid host with swap accounting. */
  public static final CgroupHost V1 = new CgroupHost(false, true);

  /** A unified host. */
  public static final CgroupHost V2 = new CgroupHost(true, true);

  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  /** This host's, as dockerd reads it (on v2 the swap limit is taken as supported). */
  public static CgroupHost ofHost() {
    if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
      return V2;
    }
    return new CgroupHost(false, Files.exists(ROOT.resolve("memory/memory.memsw.limit_in_bytes")));
  }
}
