package io.jcompose.engine.build.context;

import io.jcompose.engine.testimage.LayerTar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A tar whose directory {@code a/sentinel/} (mode 0777, owner 1000:1000) is followed by {@code a}
 * replaced with a link to the host directory holding a sentinel directory: extracting it must not
 * give the host's sentinel the entry's metadata.
 */
final class LinkedParentTar {

  static final FileTime SENTINEL_TIME = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

  private LinkedParentTar() {}

  /** {@code parent/sentinel}, mode 0700, owned by root, with {@link #SENTINEL_TIME}. */
  static Path sentinel(Path parent) {
    try {
      Path sentinel = Files.createDirectories(parent.resolve("sentinel"));
      Files.setAttribute(sentinel, "unix:mode", 0700);
      Files.setLastModifiedTime(sentinel, SENTINEL_TIME);
      return sentinel;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tar: {@code a/}, {@code a/sentinel/}, then {@code a} -> {@code sentinel}'s parent. */
  static byte[] pointingAt(Path sentinel) {
    var directory = new TarArchiveEntry("a/sentinel/", TarConstants.LF_DIR, true);
    directory.setMode(040777);
    directory.setUserId(1000);
    directory.setGroupId(1000);
    directory.setLastModifiedTime(FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    return LayerTar.create()
        .directory("a")
        .entry(directory, new byte[0])
        .symlink("a", sentinel.getParent().toString())
        .toByteArray();
  }

  /** What a user would see changed on the sentinel: mode, owner, time. */
  static String state(Path sentinel) {
    try {
      return CopyFixture.mode(sentinel)
          + " "
          + CopyFixture.owner(sentinel)
          + " "
          + Files.getLastModifiedTime(sentinel, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
