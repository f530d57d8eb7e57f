package io.jcompose.engine.build.context;

import io.jcompose.engine.host.RootedPath;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A directory tree COPY/ADD read from. A context refuses a source that leaves it, through {@code
 * ..} or a symbolic link pointing outside; an image's root filesystem (an earlier stage, {@code
 * --from=image}) resolves links as the image sees them, inside its root, as a chroot would.
 */
public final class SourceTree {

  private final Path root;
  private final boolean confined;

  private SourceTree(Path root, boolean confined) {
    this.root = Objects.requireNonNull(root, "root");
    this.confined = confined;
  }

  /** An extracted build context (or named context) under {@code root}. */
  public static SourceTree context(Path root) {
    return new SourceTree(root, true);
  }

  /** The mounted root filesystem of a stage or image (read only). */
  public static SourceTree rootfs(Path root) {
    return new SourceTree(root, false);
  }

  public Path root() {
    return root;
  }

  /** Whether this is a build context (sources leaving it are refused) rather than an image root. */
  boolean confined() {
    return confined;
  }

  /**
   * The host path {@code path} names, its links followed (the last one too) within this tree; it
   * may not exist. Empty when a context's path leaves the context.
   */
  Optional<Path> locate(TreePath path) {
    return RootedPath.resolve(root, path.components(), true, confined);
  }

  @Override
  public String toString() {
    return (confined ? "context " : "rootfs ") + root;
  }
}
