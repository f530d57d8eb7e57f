package io.jcompose.cli.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.cli.UserException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {

  @TempDir Path temp;

  @Test
  void packing_namesTheTopEntryAndKeepsModesAndLinks() throws IOException {
    Path tree = temp.resolve("tree");
    Files.createDirectories(tree.resolve("sub"));
    Path script = Files.writeString(tree.resolve("sub/run.sh"), "echo hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(tree.resolve("link"), Path.of("sub/run.sh"));

    List<TarArchiveEntry> entries = entries(pack(tree, "renamed"));

    assertThat(entries)
        .extracting(TarArchiveEntry::getName)
        .containsExactly("renamed/", "renamed/link", "renamed/sub/", "renamed/sub/run.sh");
    assertThat(entries.get(1).isSymbolicLink()).isTrue();
    assertThat(entries.get(1).getLinkName()).isEqualTo("sub/run.sh");
    assertThat(entries.get(3).getMode() & 07777).isEqualTo(0750);
  }

  @Test
  void packing_aDirectorysContentsHasNoTopEntry() throws IOException {
    Path tree = Files.createDirectories(temp.resolve("tree"));
    Files.writeString(tree.resolve("a"), "a");

    assertThat(entries(pack(tree, "."))).extracting(TarArchiveEntry::getName).containsExactly("a");
  }

  @Test
  void roundTrip_extractsWhatWasPackedUnderTheNewName() throws IOException {
    Path tree = temp.resolve("tree");
    Files.createDirectories(tree.resolve("sub"));
    Files.writeString(tree.resolve("sub/f.txt"), "content\n");
    Path destination = Files.createDirectories(temp.resolve("dest"));

    long written =
        ArchiveExtraction.extract(
            new ByteArrayInputStream(pack(tree, "tree")),
            destination,
            new CopyTarget.Rename("tree", "copy")::apply);

    assertThat(written).isEqualTo(8);
    assertThat(Files.readString(destination.resolve("copy/sub/f.txt"))).isEqualTo("content\n");
  }

  @Test
  void extraction_refusesEntriesLeavingTheDirectory() throws IOException {
    Path destination = Files.createDirectories(temp.resolve("dest"));
    byte[] tar = tar(file("../escaped.txt"));

    assertThatThrownBy(
            () -> ArchiveExtraction.extract(new ByteArrayInputStream(tar), destination, n -> n))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("leaves");
    assertThat(temp.resolve("escaped.txt")).doesNotExist();
  }

  @Test
  void extraction_refusesWritingThroughASymlinkTheArchiveMade() throws IOException {
    Path destination = Files.createDirectories(temp.resolve("dest"));
    Path outside = Files.createDirectories(temp.resolve("outside"));
    var link = new TarArchiveEntry("link", TarConstants.LF_SYMLINK);
    link.setLinkName(outside.toString());
    byte[] tar = tar(link, file("link/planted.txt"));

    assertThatThrownBy(
            () -> ArchiveExtraction.extract(new ByteArrayInputStream(tar), destination, n -> n))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("symlink");
    assertThat(outside.resolve("planted.txt")).doesNotExist();
  }

  @Test
  void extraction_neverReplacesADirectoryWithAFile() throws IOException {
    Path destination = Files.createDirectories(temp.resolve("dest/name"));
    byte[] tar = tar(file("name"));

    assertThatThrownBy(
            () ->
                ArchiveExtraction.extract(
                    new ByteArrayInputStream(tar), destination.getParent(), n -> n))
        .hasMessageContaining("cannot overwrite directory");
  }

  private static byte[] pack(Path source, String topName) throws IOException {
    var out = new ByteArrayOutputStream();
    ArchivePacking.write(source, topName, out);
    return out.toByteArray();
  }

  private static List<TarArchiveEntry> entries(byte[] tar) throws IOException {
    var entries = new ArrayList<TarArchiveEntry>();
    try (var in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static TarArchiveEntry file(String name) {
    var entry = new TarArchiveEntry(name);
    entry.setSize(1);
    return entry;
  }

  private static byte[] tar(TarArchiveEntry... entries) throws IOException {
    var out = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(out)) {
      for (TarArchiveEntry entry : entries) {
        tar.putArchiveEntry(entry);
        if (entry.isFile() && !entry.isSymbolicLink()) {
          tar.write("x".getBytes(StandardCharsets.UTF_8));
        }
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }
}
