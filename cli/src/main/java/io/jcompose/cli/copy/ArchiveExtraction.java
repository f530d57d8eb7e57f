package io.jcompose.cli.copy;

import io.jcompose.cli.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks the tar a container sent into a local directory, as {@code docker cp} does: entries
 * renamed (per {@link CopyTarget.Rename}), a directory never replaced by a file (nor the other way
 * round), owners left to the user running jcompose. An entry whose path leaves the directory, or
 * passes through a symlink the archive made, is refused.
 */
public final class ArchiveExtraction {

  private final Path directory;
  private final UnaryOperator<String> naming;
  private final List<Map.Entry<Path, FileTime>> directoryTimes = new ArrayList<>();

  private ArchiveExtraction(Path directory, UnaryOperator<String> naming) {
    this.directory = directory;
    this.naming = naming;
  }

  /**
   * @param naming an entry's name (without trailing slashes) to the name it is extracted under
   * @return the bytes of file content written
   */
  public static long extract(InputStream tar, Path directory, UnaryOperator<String> naming)
      throws IOException {
    return new ArchiveExtraction(directory.toAbsolutePath().normalize(), naming).run(tar);
  }

  private long run(InputStream in) throws IOException {
    long written = 0;
    var tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
      String name = naming.apply(stripSlashes(entry.getName()));
      Path target = inside(name);
      if (target.equals(directory)) {
        continue; // a "dir/." copy's own entry: the destination exists already
      }
      checkNoLinkOnTheWay(target);
      Files.createDirectories(target.getParent());
      if (entry.isDirectory()) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
            && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new UserException("cannot overwrite non-directory " + target + " with a directory");
        }
        Files.createDirectories(target);
        directoryTimes.add(Map.entry(target, FileTime.from(entry.getModTime().toInstant())));
      } else {
        refuseDirectory(target);
        if (entry.isSymbolicLink()) {
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
          continue;
        }
        if (entry.isLink()) {
          Path original = inside(naming.apply(stripSlashes(entry.getLinkName())));
          checkNoLinkOnTheWay(original);
          Files.deleteIfExists(target);
          Files.createLink(target, original);
          continue;
        }
        if (!entry.isFile()) {
          continue; // devices and pipes are not copied
        }
        Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        written += entry.getSize();
      }
      Files.setPosixFilePermissions(target, permissions(entry.getMode()));
      Files.setLastModifiedTime(target, FileTime.from(entry.getModTime().toInstant()));
    }
    for (int i = directoryTimes.size() - 1; i >= 0; i--) {
      Files.setLastModifiedTime(directoryTimes.get(i).getKey(), directoryTimes.get(i).getValue());
    }
    return written;
  }

  /** The entry's path under the directory, or a refusal when it would leave it. */
  private Path inside(String name) {
    String cleaned = CopyPaths.clean(stripSlashes(name));
    if (name.startsWith("/") || cleaned.equals("..") || cleaned.startsWith("../")) {
      throw new UserException("refusing archive entry \"" + name + "\": it leaves " + directory);
    }
    Path target = directory.resolve(cleaned).normalize();
    if (!target.startsWith(directory)) {
      throw new UserException("refusing archive entry \"" + name + "\": it leaves " + directory);
    }
    return target;
  }

  /** No part between the directory and the target's parent is a symlink. */
  private void checkNoLinkOnTheWay(Path target) {
    Path relative = directory.relativize(target);
    Path current = directory;
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      current = current.resolve(relative.getName(i));
      if (Files.isSymbolicLink(current)) {
        throw new UserException(
            "refusing archive entry \"" + relative + "\": it goes through the symlink " + current);
      }
    }
  }

  private static void refuseDirectory(Path target) throws FileAlreadyExistsException {
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserException("cannot overwrite directory " + target + " with non-directory");
    }
  }

  private static String stripSlashes(String name) {
    String stripped = name;
    while (stripped.length() > 1 && stripped.endsWith("/")) {
      stripped = stripped.substring(0, stripped.length() - 1);
    }
    return stripped;
  }

  static Set<PosixFilePermission> permissions(int mode) {
    var permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission permission : PosixFilePermission.values()) {
      if ((mode & (0400 >> permission.ordinal())) != 0) {
        permissions.add(permission);
      }
    }
    return permissions;
  }
}
