package io.jcompose.adapter;

import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a build context directory as the tar the classic builder reads: {@code .dockerignore}
 * applied (the Dockerfile and {@code .dockerignore} itself are always sent, as the docker CLI
 * does), symlinks stored as links and never followed, and a symlink that points outside the context
 * refused.
 */
final class BuildContext {

  private final Path root;
  private final String dockerfile;

  /**
   * @param dockerfile the Dockerfile's path relative to the context
   */
  BuildContext(Path root, String dockerfile) {
    this.root = root.toAbsolutePath().normalize();
    this.dockerfile = dockerfile;
  }

  /**
   * @throws RuntimeFault.InvalidArgument when the context is not a directory or a symlink escapes
   */
  void writeTar(OutputStream target) throws IOException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new RuntimeFault.InvalidArgument("the build context " + root + " is not a directory");
    }
    DockerIgnore ignore = DockerIgnore.read(root);
    String alwaysSent = Path.of(dockerfile).normalize().toString().replace('\\', '/');
    try (var tar = new TarArchiveOutputStream(target)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                throws IOException {
              if (directory.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              String name = relative(directory);
              if (ignore.excludes(name)) {
                return ignore.hasExceptions()
                    ? FileVisitResult.CONTINUE
                    : FileVisitResult.SKIP_SUBTREE;
              }
              add(tar, directory, name + "/", attributes);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              String name = relative(file);
              boolean sent =
                  name.equals(alwaysSent) || name.equals(".dockerignore") || !ignore.excludes(name);
              if (sent) {
                add(tar, file, name, attributes);
              }
              return FileVisitResult.CONTINUE;
            }
          });
      tar.finish();
    }
  }

  private String relative(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  private void add(
      TarArchiveOutputStream tar, Path path, String name, BasicFileAttributes attributes)
      throws IOException {
    TarArchiveEntry entry;
    if (attributes.isSymbolicLink()) {
      Path target = Files.readSymbolicLink(path);
      Path resolved = path.getParent().resolve(target).normalize();
      if (!resolved.startsWith(root)) {
        throw new RuntimeFault.InvalidArgument(
            "the build context "
                + root
                + " holds the symlink "
                + name
                + " that points outside it (to "
                + target
                + "); copy the file into the context instead");
      }
      entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(target.toString());
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
      return;
    }
    if (!attributes.isDirectory() && !attributes.isRegularFile()) {
      return; // sockets, fifos and devices do not travel in a build context
    }
    entry = new TarArchiveEntry(name);
    entry.setMode(mode(path, attributes.isDirectory()));
    entry.setModTime(attributes.lastModifiedTime().toMillis());
    if (attributes.isRegularFile()) {
      entry.setSize(attributes.size());
    }
    tar.putArchiveEntry(entry);
    if (attributes.isRegularFile()) {
      Files.copy(path, tar);
    }
    tar.closeArchiveEntry();
  }

  private static int mode(Path path, boolean directory) throws IOException {
    int type = directory ? 040000 : 0100000;
    try {
      Set<PosixFilePermission> permissions =
          Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
      int bits = 0;
      for (PosixFilePermission permission : permissions) {
        bits |= 1 << (8 - permission.ordinal());
      }
      return type | bits;
    } catch (UnsupportedOperationException notPosix) {
      return type | (directory ? 0755 : 0644);
    }
  }
}
