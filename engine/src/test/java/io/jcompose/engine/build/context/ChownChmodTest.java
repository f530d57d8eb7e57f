package io.jcompose.engine.build.context;

import static io.jcompose.engine.build.context.CopyFixture.mode;
import static io.jcompose.engine.build.context.CopyFixture.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --chown against the image's own /etc/passwd and /etc/group, and --chmod. */
class ChownChmodTest {

  @TempDir Path temporary;
  private CopyFixture fixture;
  private Path root;

  @BeforeEach
  void createImage() throws Exception {
    fixture = new CopyFixture(temporary);
    root = fixture.root;
    CopyFixture.file(
        root,
        "etc/passwd",
        "root:x:0:0:root:/root:/bin/sh\nbin:x:2:5:bin:/bin:/bin/sh\napp:x:1000:1001::/app:/bin/sh\n",
        0644);
    CopyFixture.file(root, "etc/group", "root:x:0:\nbin:x:3:\nstaff:x:50:\nwheel:x:10:app\n", 0644);
    fixture.file("a.txt", "a");
    fixture.file("dir/f", "f");
  }

  @Test
  void chown_byNames() {
    fixture.copy("COPY --chown=app:staff a.txt /a");
    assertThat(owner(root.resolve("a"))).isEqualTo("1000:50");
  }

  @Test
  void chown_byIds_andAUserIdAloneIsAlsoTheGroupId() {
    fixture.copy("COPY --chown=7:8 a.txt /a");
    fixture.copy("COPY --chown=7 a.txt /b");
    assertThat(owner(root.resolve("a"))).isEqualTo("7:8");
    assertThat(owner(root.resolve("b"))).isEqualTo("7:7");
  }

  @Test
  void chown_aNameAloneTakesTheGroupOfThatName_elseThePrimaryGroup() {
    fixture.copy("COPY --chown=bin a.txt /a"); // dockerd 20.10 gives 2:3 here
    fixture.copy("COPY --chown=app a.txt /b"); // dockerd fails: no group "app"
    assertThat(owner(root.resolve("a"))).isEqualTo("2:3");
    assertThat(owner(root.resolve("b"))).isEqualTo("1000:1001");
  }

  @Test
  void chown_unknownNames_failAsDockerd() {
    assertThatThrownBy(() -> fixture.copy("COPY --chown=nobody a.txt /a"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage(
            "unable to convert uid/gid chown string to host mapping: can't find uid for user"
                + " nobody: no such user: nobody");
    assertThatThrownBy(() -> fixture.copy("COPY --chown=app:nogroup a.txt /a"))
        .hasMessage(
            "unable to convert uid/gid chown string to host mapping: can't find gid for group"
                + " nogroup: no such group: nogroup");
    assertThatThrownBy(() -> fixture.copy("COPY --chown=a:b:c a.txt /a"))
        .hasMessage("COPY failed: invalid chown string format: a:b:c");
    assertThat(root.resolve("a")).doesNotExist();
  }

  @Test
  void chown_ownsNewParentsOfAFile_butOnlyTheNewDestinationOfADirectory() {
    fixture.copy("COPY --chown=7:8 a.txt /x/y/a");
    fixture.copy("COPY --chown=7:8 dir /p/q/");
    assertThat(owner(root.resolve("x"))).isEqualTo("7:8");
    assertThat(owner(root.resolve("x/y"))).isEqualTo("7:8");
    assertThat(owner(root.resolve("p"))).isEqualTo("0:0");
    assertThat(owner(root.resolve("p/q"))).isEqualTo("7:8");
    assertThat(owner(root.resolve("p/q/f"))).isEqualTo("7:8");
  }

  @Test
  void chown_readsTheImagesPasswdThroughItsLinks() throws Exception {
    Files.createDirectories(root.resolve("usr/lib"));
    Files.move(root.resolve("etc/passwd"), root.resolve("usr/lib/passwd"));
    Files.createSymbolicLink(root.resolve("etc/passwd"), Path.of("/usr/lib/passwd"));
    fixture.copy("COPY --chown=app:0 a.txt /a");
    assertThat(owner(root.resolve("a"))).isEqualTo("1000:0");
  }

  @Test
  void chmod_setsFilesAndDirectories() {
    fixture.copy("COPY --chmod=0751 dir /d");
    fixture.copy("COPY --chmod=600 a.txt /a");
    assertThat(mode(root.resolve("d/f"))).isEqualTo(0751);
    assertThat(mode(root.resolve("a"))).isEqualTo(0600);
    assertThatThrownBy(() -> fixture.copy("COPY --chmod=u+x a.txt /a"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("invalid --chmod=u+x");
  }
}
