package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.RootedPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;

/**
 * A directory files are written below. Confined (a build context being extracted), every parent
 * must be a real directory: nothing is written through a stored link. In an image (a step's root),
 * places are resolved as the image sees them ({@link RootedPath}), so a link in the image leads to
 * a place inside the root, never outside. Missing directories are created (mode 0755, owned by
 * {@code owner} when given).
 */
final class DestinationTree {

  private final Path root;
  private final TreePath base;
  private final boolean confined;
  private final Optional<Owner> owner;

  private DestinationTree(Path root, TreePath base, boolean confined, Optional<Owner> owner) {
    this.root = root;
    this.base = base;
    this.confined = confined;
    this.owner = owner;
  }

  static DestinationTree confined(Path root) {
    return new DestinationTree(root, TreePath.ROOT, true, Optional.empty());
  }

  /** The image root {@code root}, paths taken relative to its directory {@code base}. */
  static DestinationTree image(Path root, TreePath base, Optional<Owner> owner) {
    return new DestinationTree(root, base, false, owner);
  }

  boolean confined() {
    return confined;
  }

  /** The host path of the directory {@code relative}, created when missing. */
  Path directory(TreePath relative, String rawName) throws IOException {
    if (confined) {
      return confinedDirectory(relative, rawName);
    }
    Path resolved = RootedPath.inRoot(root, concat(relative).components());
    Path current = root;
    for (Path part : root.relativize(resolved)) {
      current = current.resolve(part);
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(current);
        Files.setAttribute(current, "unix:mode", 0755, LinkOption.NOFOLLOW_LINKS);
        if (owner.isPresent()) {
          owner.get().applyTo(current);
        }
      } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        throw new EngineFault.InvalidArgument(
            "cannot create /"
                + root.relativize(resolved)
                + ": /"
                + root.relativize(current)
                + " is not a directory");
      }
    }
    return resolved;
  }

  /**
   * {@code path}, checked to lie below the root: a last guard before an entry is written there.
   *
   * @throws EngineFault.InvalidArgument when it does not
   */
  Path inside(Path path) {
    if (!path.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
      throw new EngineFault.InvalidArgument(
          "refused to write " + path.getFileName() + " outside the destination directory");
    }
    return path;
  }

  /** The host path of the regular file {@code relative} (a link there is not followed), or null. */
  Path existingFile(TreePath relative) {
    Path path =
        confined
            ? relative.in(root)
            : RootedPath.resolve(root, concat(relative).components(), false, false).orElseThrow();
    if (confined) {
      Path parent = relative.isRoot() ? root : relative.parent().in(root);
      for (Path current = parent; !current.equals(root); current = current.getParent()) {
        if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
          return null;
        }
      }
    }
    return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? path : null;
  }

  /**
   * The host path of the directory {@code relative} when it exists and it and every parent are real
   * directories (in an image, reached as the image resolves them; a link as the last component is
   * not followed); nothing is created.
   */
  Optional<Path> existingDirectory(TreePath relative) {
    Path path;
    try {
      path =
          confined
              ? relative.in(root)
              : RootedPath.resolve(root, concat(relative).components(), false, false).orElseThrow();
    } catch (EngineFault.InvalidArgument loop) {
      return Optional.empty(); // a loop of links on the way: no directory is reached
    }
    if (!path.startsWith(root)) {
      return Optional.empty();
    }
    for (Path current = path; !current.equals(root); current = current.getParent()) {
      if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
    }
    return Optional.of(path);
  }

  private Path confinedDirectory(TreePath relative, String rawName) throws IOException {
    Path current = root;
    for (String component : relative.components()) {
      current = current.resolve(component);
      if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(current);
        Files.setAttribute(current, "unix:mode", 0755, LinkOption.NOFOLLOW_LINKS);
      } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        throw new EngineFault.InvalidArgument(
            "build context entry \""
                + rawName
                + "\" is refused: "
                + root.relativize(current)
                + (Files.isSymbolicLink(current) ? " is a symbolic link" : " is not a directory")
                + ", and nothing is written through it");
      }
    }
    return current;
  }

  private TreePath concat(TreePath relative) {
    var components = new ArrayList<>(base.components());
    components.addAll(relative.components());
    return new TreePath(components);
  }
}
