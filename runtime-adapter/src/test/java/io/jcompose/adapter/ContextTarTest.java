package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.planner.spi.RuntimeFault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that changes between the walk that saw it and the copy of its bytes: never followed to
 * another file, never sent with a size other than its entry's.
 */
class ContextTarTest {

  /** As long as the file it replaces, so that following the link would go unnoticed. */
  private static final String SECRET = "SECRET\n";

  @TempDir Path directory;
  private Path root;
  private Path file;
  private ContextTar.Tree tree;
  private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(directory.resolve("app"));
    file = Files.writeString(root.resolve("config.txt"), "config\n");
    tree = new ContextTar.Tree(root, "", DockerIgnore.none(), "the build context " + root);
  }

  @Test
  void add_ofAFileSwappedForASymlinkSinceTheWalk_refusesIt_andSendsNoneOfTheTargetsBytes()
      throws IOException {
    Path outside = Files.writeString(directory.resolve("secret"), SECRET);
    BasicFileAttributes seen = attributes();
    Files.delete(file);
    Files.createSymbolicLink(file, outside);

    assertThatThrownBy(() -> add(seen))
        .isInstanceOf(RuntimeFault.InvalidArgument.class)
        .hasMessageContaining("config.txt became a symlink");
    assertThat(sent.toString(StandardCharsets.ISO_8859_1)).doesNotContain("SECRET");
  }

  @Test
  void add_ofAFileThatGrewSinceTheWalk_failsNamingIt() throws IOException {
    BasicFileAttributes seen = attributes();
    Files.writeString(file, "config\nand more\n");

    assertThatThrownBy(() -> add(seen))
        .isInstanceOf(RuntimeFault.InvalidArgument.class)
        .hasMessageContaining("config.txt grew");
  }

  @Test
  void add_ofAFileThatShrankSinceTheWalk_failsNamingIt() throws IOException {
    BasicFileAttributes seen = attributes();
    Files.writeString(file, "c\n");

    assertThatThrownBy(() -> add(seen))
        .isInstanceOf(RuntimeFault.InvalidArgument.class)
        .hasMessageContaining("config.txt shrank");
  }

  private BasicFileAttributes attributes() throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private void add(BasicFileAttributes seen) throws IOException {
    try (var tar = new TarArchiveOutputStream(sent)) {
      new ContextTar(tar).add(tree, file, seen);
    }
  }
}
