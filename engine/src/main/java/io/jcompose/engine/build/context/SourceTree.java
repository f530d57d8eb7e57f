package io.jcompose.engine.build.context;

import java.nio.file.Path;

/**
 * A directory tree COPY/ADD read from. A context refuses a source that leaves it, through {@code
 * ..} or a symbolic link pointing outside; an image's root filesystem (an earlier stage, {@code
 * --from=image}) resolves links as the image sees them, inside its root, as a chroot would.
 */
public final class SourceTree {

  private SourceTree() {}

  /** An extracted build context (or named context) under {@code root}. */
  public static SourceTree context(Path root) {
    throw new UnsupportedOperationException("wt-buildfiles");
  }

  /** The mounted root filesystem of a stage or image (read only). */
  public static SourceTree rootfs(Path root) {
    throw new UnsupportedOperationException("wt-buildfiles");
  }

  public Path root() {
    throw new UnsupportedOperationException("wt-buildfiles");
  }
}
