package io.jcompose.engine.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSpecTest {

  @TempDir Path rootfs;

  @BeforeEach
  void writeUserDatabase() throws Exception {
    Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(
        rootfs.resolve("etc/passwd"),
        "# comment\nroot:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n"
            + "broken:x:abc:1::/:/bin/sh\n");
    Files.writeString(
        rootfs.resolve("etc/group"),
        "root:x:0:\napp:x:1000:\nstaff:x:50:app,other\naudio:x:29:app\nwheel:x:10:\n");
  }

  @Test
  void parse_acceptsDockersForms() {
    assertThat(UserSpec.parse("")).isEqualTo(UserSpec.ROOT);
    assertThat(UserSpec.parse("app")).isEqualTo(new UserSpec("app", Optional.empty()));
    assertThat(UserSpec.parse("1000:50")).isEqualTo(new UserSpec("1000", Optional.of("50")));
    assertThat(UserSpec.parse("app:staff").toString()).isEqualTo("app:staff");
    assertThatThrownBy(() -> UserSpec.parse("a:b:c"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("\"a:b:c\"");
    assertThatThrownBy(() -> UserSpec.parse(":1")).isInstanceOf(EngineFault.InvalidArgument.class);
  }

  @Test
  void resolve_aName_takesItsPrimaryGroupHomeAndMemberships() {
    ProcessUser user = UserSpec.parse("app").resolve(rootfs);

    assertThat(user)
        .isEqualTo(new ProcessUser(1000, 1000, List.of(50L, 29L), Optional.of("/home/app")));
    assertThat(user.uidGid()).isEqualTo("1000:1000");
  }

  @Test
  void resolve_anExplicitGroup_replacesPrimaryAndSupplementaryGroups() {
    assertThat(UserSpec.parse("app:wheel").resolve(rootfs))
        .isEqualTo(new ProcessUser(1000, 10, List.of(), Optional.of("/home/app")));
    assertThat(UserSpec.parse("app:77").resolve(rootfs).gid()).isEqualTo(77);
  }

  @Test
  void resolve_aNumberNeedNotBeInPasswd() {
    assertThat(UserSpec.parse("4242").resolve(rootfs))
        .isEqualTo(new ProcessUser(4242, 0, List.of(), Optional.empty()));
    assertThat(UserSpec.parse("0").resolve(rootfs).home()).contains("/root");
  }

  @Test
  void resolve_unknownNames_areTheCallersMistake() {
    assertThatThrownBy(() -> UserSpec.parse("ghost").resolve(rootfs))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("unable to find user ghost: no matching entries in passwd file");
    assertThatThrownBy(() -> UserSpec.parse("app:ghosts").resolve(rootfs))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("unable to find group ghosts");
  }

  @Test
  void resolve_ignoresAPasswdThatLinksOutOfTheRootfs() throws Exception {
    Path outside = Files.createTempFile("jcet-passwd", "");
    try {
      Files.writeString(outside, "intruder:x:7:7::/:/bin/sh\n");
      Files.delete(rootfs.resolve("etc/passwd"));
      Files.createSymbolicLink(rootfs.resolve("etc/passwd"), outside);

      assertThatThrownBy(() -> UserSpec.parse("intruder").resolve(rootfs))
          .isInstanceOf(EngineFault.InvalidArgument.class);
    } finally {
      Files.deleteIfExists(outside);
    }
  }
}
