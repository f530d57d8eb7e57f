package io.jcompose.engine.layer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.host.DirectoryTree;
import io.jcompose.engine.host.HostCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An overlay upper directory written as a docker layer tar, as dockerd's diff writes it. */
class LayerDiffTest {

  private Path upper;

  @BeforeEach
  void makeUpper() throws IOException {
    upper = Files.createTempDirectory("jc-layerdiff-");
  }

  @AfterEach
  void removeUpper() throws IOException {
    DirectoryTree.delete(upper);
  }

  @Test
  void write_turnsWhiteoutsAndOpaqueDirectoriesIntoDockerMarkers() throws Exception {
    Files.createDirectories(upper.resolve("data/keep"));
    Files.writeString(upper.resolve("data/keep/a"), "changed\n");
    Files.createLink(upper.resolve("data/keep/hard"), upper.resolve("data/keep/a"));
    Files.createSymbolicLink(upper.resolve("data/link"), Path.of("/etc/passwd"));
    HostCommand.run("mknod", upper.resolve("data/gone").toString(), "c", "0", "0").orThrow();
    Files.createDirectories(upper.resolve("data/opq"));
    Files.writeString(upper.resolve("data/opq/new"), "new\n");
    HostCommand.run(
            "setfattr",
            "-n",
            "trusted.overlay.opaque",
            "-v",
            "y",
            upper.resolve("data/opq").toString())
        .orThrow();

    List<TarArchiveEntry> entries = entries(diff());

    assertThat(entries)
        .extracting(TarArchiveEntry::getName)
        .containsExactly(
            "data/",
            "data/.wh.gone",
            "data/keep/",
            "data/keep/a",
            "data/keep/hard",
            "data/link",
            "data/opq/",
            "data/opq/.wh..wh..opq",
            "data/opq/new");
    assertThat(entries.get(4).isLink()).isTrue();
    assertThat(entries.get(4).getLinkName()).isEqualTo("data/keep/a");
    assertThat(entries.get(5).isSymbolicLink()).isTrue();
    assertThat(entries.get(5).getLinkName()).isEqualTo("/etc/passwd");
    assertThat(entries.get(1).isFile()).isTrue();
    assertThat(entries.get(1).getSize()).isZero();
  }

  @Test
  void write_leavesOutTheRuntimesMountPointsAndDirectoriesHoldingOnlyThem() throws Exception {
    Files.createDirectories(upper.resolve("etc"));
    Files.writeString(upper.resolve("etc/hosts"), "");
    Files.writeString(upper.resolve("etc/resolv.conf"), "");
    Files.createDirectories(upper.resolve("proc"));
    Files.createDirectories(upper.resolve("dev/pts"));
    Files.createDirectories(upper.resolve("made/empty"));
    Files.writeString(upper.resolve("built.txt"), "built\n");

    assertThat(entries(diff()))
        .extracting(TarArchiveEntry::getName)
        .containsExactly("built.txt", "made/", "made/empty/");
  }

  @Test
  void write_isTheSameTarForTheSameChanges() throws Exception {
    Files.createDirectories(upper.resolve("b/c"));
    Files.writeString(upper.resolve("b/c/file"), "x");
    Files.writeString(upper.resolve("a"), "y");

    assertThat(diff()).isEqualTo(diff());
  }

  @Test
  void write_keepsContentOwnersAndModes() throws Exception {
    Path file = Files.writeString(upper.resolve("script.sh"), "#!/bin/sh\necho hi\n");
    HostCommand.run("chown", "1000:2000", file.toString()).orThrow();
    HostCommand.run("chmod", "4755", file.toString()).orThrow();

    byte[] tar = diff();
    try (var in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry entry = in.getNextTarEntry();
      assertThat(entry.getName()).isEqualTo("script.sh");
      assertThat(entry.getLongUserId()).isEqualTo(1000);
      assertThat(entry.getLongGroupId()).isEqualTo(2000);
      assertThat(entry.getMode() & 07777).isEqualTo(04755);
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("#!/bin/sh\necho hi\n");
    }
  }

  private byte[] diff() {
    var out = new ByteArrayOutputStream();
    LayerDiff.write(upper, out);
    return out.toByteArray();
  }

  private static List<TarArchiveEntry> entries(byte[] tar) throws IOException {
    var entries = new ArrayList<TarArchiveEntry>();
    try (var in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      TarArchiveEntry entry;
      while ((entry = in.getNextTarEntry()) != null) {
        entries.add(entry);
      }
    }
    return entries;
  }
}
