package io.jcompose.engine.oci;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host's cgroup layout, as far as a container's spec depends on it: on a unified (v2) host
 * Docker gives each container a private cgroup namespace and has no OOM-killer switch; a v1 or
 * hybrid host keeps the host's cgroup namespace.
 */
public enum CgroupVersion {
  V1,
  V2;

  /** V2 when {@code /sys/fs/cgroup} itself is the cgroup2 mount. */
  public static CgroupVersion ofHost() {
    return Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? V2 : V1;
  }
}
