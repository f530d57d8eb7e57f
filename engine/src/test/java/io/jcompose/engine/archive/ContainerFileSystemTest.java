package io.jcompose.engine.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths resolve as the container sees them: links stay inside the root, mounts decide the host. */
class ContainerFileSystemTest {

  @TempDir Path temp;
  private Path root;
  private Path volume;
  private ContainerFileSystem files;

  @BeforeEach
  void layOut() throws IOException {
    root = Files.createDirectories(temp.resolve("root"));
    volume = Files.createDirectories(temp.resolve("volume"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/hostname"), "inside\n");
    Files.createDirectories(root.resolve("data"));
    Files.createSymbolicLink(root.resolve("absolute"), Path.of("/etc"));
    Files.createSymbolicLink(root.resolve("climber"), Path.of("../../../../../.."));
    Files.createSymbolicLink(root.resolve("host"), temp);
    Files.createSymbolicLink(volume.resolve("back"), Path.of("/etc/hostname"));
    files =
        new ContainerFileSystem(root, false, List.of(new MountedDirectory("/data", volume, true)));
  }

  @Test
  void links_resolveInsideTheRoot() {
    assertThat(files.resolve("/absolute/hostname").hostPath())
        .isEqualTo(root.resolve("etc/hostname"));
    assertThat(files.resolve("/climber/etc/hostname").hostPath())
        .isEqualTo(root.resolve("etc/hostname"));
    assertThat(files.resolve("/host/volume").hostPath())
        .isEqualTo(root.resolve(temp.toString().substring(1)).resolve("volume"));
    assertThat(files.resolve("/../../etc/./hostname").containerPath()).isEqualTo("/etc/hostname");
  }

  @Test
  void mounts_decideWhereAPathIs_andLinksInThemStayInTheContainer() {
    ContainerFileSystem.Location inVolume = files.resolve("/data/new.txt");
    assertThat(inVolume.hostPath()).isEqualTo(volume.resolve("new.txt"));
    assertThat(inVolume.readOnly()).isTrue();
    assertThat(files.resolve("/data").hostPath()).isEqualTo(volume);
    assertThat(files.resolve("/data/back").hostPath()).isEqualTo(root.resolve("etc/hostname"));
    assertThat(files.resolve("/data/back").readOnly()).isFalse();
  }

  @Test
  void resolveParentLinks_leavesTheLastLinkAlone() {
    ContainerFileSystem.Location link = files.resolveParentLinks("/absolute");
    assertThat(link.hostPath()).isEqualTo(root.resolve("absolute"));
    assertThat(link.name()).isEqualTo("absolute");
    assertThat(files.resolveParentLinks("/absolute/hostname").hostPath())
        .isEqualTo(root.resolve("etc/hostname"));
    assertThat(files.resolveParentLinks("/").name()).isEqualTo("/");
  }

  @Test
  void goMode_setsGoTypeBits() {
    assertThat(PathStat.goMode(040755)).isEqualTo(2147484141L);
    assertThat(PathStat.goMode(0100644)).isEqualTo(420L);
    assertThat(PathStat.goMode(0120777)).isEqualTo((1L << 27) | 0777);
  }
}
