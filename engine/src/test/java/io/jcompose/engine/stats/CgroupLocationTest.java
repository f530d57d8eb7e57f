package io.jcompose.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupLocationTest {

  private static final List<String> HYBRID_MOUNTS =
      List.of(
          "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
          "32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu",
          "33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct",
          "35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
          "38 31 0:35 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids",
          "40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd",
          "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw");

  @Test
  void hybridHost_findsTheV1ControllersAndTheCgroup2Directory() {
    CgroupLocation location =
        CgroupLocation.of(
            List.of(
                "8:pids:/jcompose/abc",
                "4:memory:/jcompose/abc",
                "2:cpuacct:/jcompose/abc",
                "1:cpu:/jcompose/abc",
                "9:name=systemd:/jcompose/abc",
                "0::/jcompose/abc"),
            HYBRID_MOUNTS);

    assertThat(location.usesV1()).isTrue();
    assertThat(location.controller("memory"))
        .contains(Path.of("/sys/fs/cgroup/memory/jcompose/abc"));
    assertThat(location.controller("cpuacct"))
        .contains(Path.of("/sys/fs/cgroup/cpuacct/jcompose/abc"));
    assertThat(location.controller("pids")).contains(Path.of("/sys/fs/cgroup/pids/jcompose/abc"));
    assertThat(location.unified()).contains(Path.of("/sys/fs/cgroup/unified/jcompose/abc"));
  }

  @Test
  void unifiedHost_readsCgroup2Only() {
    CgroupLocation location =
        CgroupLocation.of(
            List.of("0::/jcompose/abc"),
            List.of("30 23 0:27 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate"));

    assertThat(location.usesV1()).isFalse();
    assertThat(location.unified()).contains(Path.of("/sys/fs/cgroup/jcompose/abc"));
  }

  @Test
  void aMountOfASubtree_mapsPathsBelowItsRoot() {
    CgroupLocation location =
        CgroupLocation.of(
            List.of("4:memory:/outer/jcompose/abc"),
            List.of("35 31 0:32 /outer /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory"));

    assertThat(location.controller("memory"))
        .contains(Path.of("/sys/fs/cgroup/memory/jcompose/abc"));
  }
}
