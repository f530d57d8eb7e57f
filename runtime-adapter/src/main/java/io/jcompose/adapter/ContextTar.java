package io.jcompose.adapter;

import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Directory trees written into a build context tar under a name prefix: {@code .dockerignore} rules
 * applied, symlinks stored as links and never followed, a symlink that points outside its tree
 * refused, sockets and devices left out, each entry written once.
 */
final class ContextTar {

  private final TarArchiveOutputStream tar;
  private final Set<String> written = new HashSet<>();

  ContextTar(TarArchiveOutputStream tar) {
    this.tar = tar;
  }

  /** One tree: where it is, the prefix of its entries, and what describes it in messages. */
  record Tree(Path root, String prefix, DockerIgnore ignore, String description) {

    String name(Path path) {
      return prefix + root.relativize(path).toString().replace('\\', '/');
    }

    String relative(Path path) {
      return root.relativize(path).toString().replace('\\', '/');
    }
  }

  /**
   * Writes everything under the tree's root that its ignore rules keep.
   *
   * @param alwaysSent relative paths sent even when ignored (the Dockerfile, {@code .dockerignore})
   * @param reserved a relative path the tree may not hold (empty for none)
   */
  void addAll(Tree tree, Set<String> alwaysSent, String reserved) throws IOException {
    addBelow(tree, tree.root(), alwaysSent, reserved);
  }

  /** Like {@link #addAll}, for the directory {@code start} under the root and what it holds. */
  void addBelow(Tree tree, Path start, Set<String> alwaysSent, String reserved) throws IOException {
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
              throws IOException {
            if (directory.equals(tree.root())) {
              return FileVisitResult.CONTINUE;
            }
            String relative = tree.relative(directory);
            if (tree.ignore().excludes(relative)) {
              return tree.ignore().hasExceptions()
                  ? FileVisitResult.CONTINUE
                  : FileVisitResult.SKIP_SUBTREE;
            }
            refuseReserved(tree, relative, reserved);
            add(tree, directory, attributes);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            String relative = tree.relative(file);
            if (alwaysSent.contains(relative) || !tree.ignore().excludes(relative)) {
              refuseReserved(tree, relative, reserved);
              add(tree, file, attributes);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** The tree's root directory itself, as {@code prefix} (which ends with {@code /}). */
  void addRoot(Tree tree) throws IOException {
    addOnce(
        tree.prefix(),
        tree.root(),
        Files.readAttributes(tree.root(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS),
        tree);
  }

  /** {@code path} (not followed) with the directories between the root and it. */
  void addWithParents(Tree tree, Path path) throws IOException {
    Path parent = path.getParent();
    if (parent != null && parent.startsWith(tree.root()) && !parent.equals(tree.root())) {
      addWithParents(tree, parent);
    }
    add(
        tree,
        path,
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
  }

  void add(Tree tree, Path path, BasicFileAttributes attributes) throws IOException {
    String name = tree.name(path) + (attributes.isDirectory() ? "/" : "");
    addOnce(name, path, attributes, tree);
  }

  private void addOnce(String name, Path path, BasicFileAttributes attributes, Tree tree)
      throws IOException {
    if (!written.add(name)) {
      return;
    }
    if (attributes.isSymbolicLink()) {
      Path target = Files.readSymbolicLink(path);
      Path resolved = path.getParent().resolve(target).normalize();
      if (!resolved.startsWith(tree.root())) {
        throw new RuntimeFault.InvalidArgument(
            tree.description()
                + " holds the symlink "
                + tree.relative(path)
                + " that points outside it (to "
                + target
                + "); copy the file into the context instead");
      }
      var entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(target.toString());
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
      return;
    }
    if (!attributes.isDirectory() && !attributes.isRegularFile()) {
      return; // sockets, fifos and devices do not travel in a build context
    }
    var entry = new TarArchiveEntry(name);
    entry.setMode(mode(path, attributes.isDirectory()));
    entry.setModTime(attributes.lastModifiedTime().toMillis());
    if (attributes.isRegularFile()) {
      entry.setSize(attributes.size());
    }
    tar.putArchiveEntry(entry);
    if (attributes.isRegularFile()) {
      copyExactly(tree, path, attributes.size());
    }
    tar.closeArchiveEntry();
  }

  /**
   * The file's {@code size} bytes (the size its entry announced), opened without following a link:
   * a file swapped for a symlink since it was seen is refused rather than followed, and one that
   * grew or shrank fails the build instead of breaking the tar.
   */
  private void copyExactly(Tree tree, Path path, long size) throws IOException {
    InputStream file;
    try {
      file = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException failure) {
      if (Files.isSymbolicLink(path)) {
        throw changedWhileSent(tree, path, "became a symlink", failure);
      }
      throw failure;
    }
    try (file) {
      byte[] buffer = new byte[64 * 1024];
      long remaining = size;
      while (remaining > 0) {
        int read = file.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
          throw changedWhileSent(tree, path, "shrank", null);
        }
        tar.write(buffer, 0, read);
        remaining -= read;
      }
      if (file.read() >= 0) {
        throw changedWhileSent(tree, path, "grew", null);
      }
    }
  }

  private static RuntimeFault changedWhileSent(
      Tree tree, Path path, String change, Throwable cause) {
    return new RuntimeFault.InvalidArgument(
        tree.description()
            + ": "
            + tree.relative(path)
            + " "
            + change
            + " while the context was being sent; build again once it has stopped changing",
        cause);
  }

  private static void refuseReserved(Tree tree, String relative, String reserved) {
    if (!reserved.isEmpty() && (relative.equals(reserved) || relative.startsWith(reserved + "/"))) {
      throw new RuntimeFault.InvalidArgument(
          tree.description()
              + " holds "
              + reserved
              + "/, where jcompose sends the named contexts; rename it or add it to"
              + " .dockerignore");
    }
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
