package io.jcompose.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountTableTest {

  @Test
  void parse_readsMountPointTypeAndSuperOptionsPastTheOptionalFields() {
    var mounts =
        MountTable.parse(
            List.of(
                "36 35 98:0 /mnt1 /mnt/with\\040space rw,noatime master:1 shared:2 - ext3"
                    + " /dev/root rw,errors=continue",
                "90 27 0:60 / /var/lib/jcompose/containers/c1/merged rw,relatime - overlay overlay"
                    + " rw,lowerdir=ab:cd,upperdir=/u,workdir=/w,index=off",
                "garbage"));

    assertThat(mounts)
        .containsExactly(
            new MountTable.Mount(Path.of("/mnt/with space"), "ext3", "rw,errors=continue"),
            new MountTable.Mount(
                Path.of("/var/lib/jcompose/containers/c1/merged"),
                "overlay",
                "rw,lowerdir=ab:cd,upperdir=/u,workdir=/w,index=off"));
  }
}
