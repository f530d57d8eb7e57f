package io.jcompose.cli.copy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A local file or directory as the tar {@code cp} sends into a container: the top entry under a
 * given name (or, for a {@code dir/.} copy, only the directory's contents), symlinks kept as links,
 * owners and modes as on disk.
 */
public final class ArchivePacking {

  private ArchivePacking() {}

  /**
   * @param source the file or directory (a symlink is archived as a link)
   * @param topName the top entry's name; {@code .} archives a directory's contents only
   */
  public static void write(Path source, String topName, OutputStream out) throws IOException {
    try (var tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      if (topName.equals(".")) {
        for (Path child : children(source)) {
          add(tar, child, child.getFileName().toString());
        }
      } else {
        add(tar, source, topName);
      }
      tar.finish();
    }
  }

  private static void add(TarArchiveOutputStream tar, Path path, String name) throws IOException {
    boolean link = Files.isSymbolicLink(path);
    boolean directory = !link && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    TarArchiveEntry entry;
    if (link) {
      entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(path).toString());
    } else if (directory) {
      entry = new TarArchiveEntry(name + "/");
    } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      entry = new TarArchiveEntry(name);
      entry.setSize(Files.size(path));
    } else {
      return; // sockets, pipes and devices are not copied
    }
    describe(entry, path, link);
    tar.putArchiveEntry(entry);
    if (!link && !directory) {
      try (InputStream content = Files.newInputStream(path)) {
        content.transferTo(tar);
      }
    }
    tar.closeArchiveEntry();
    if (directory) {
      for (Path child : children(path)) {
        add(tar, child, name + "/" + child.getFileName());
      }
    }
  }

  private static void describe(TarArchiveEntry entry, Path path, boolean link) throws IOException {
    int mode =
        link ? 0777 : permissions(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    entry.setMode((entry.getMode() & ~07777) | mode);
    entry.setModTime(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS));
    Object uid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    Object gid = Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    entry.setUserId(((Number) uid).longValue());
    entry.setGroupId(((Number) gid).longValue());
  }

  static int permissions(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 0400 >> permission.ordinal();
    }
    return mode;
  }

  private static List<Path> children(Path directory) throws IOException {
    try (Stream<Path> listing = Files.list(directory)) {
      return listing.sorted().toList();
    }
  }
}
