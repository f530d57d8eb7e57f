package io.jcompose.engine.build.context;

import java.nio.file.Path;

/**
 * A COPY or ADD with its sources resolved: what the build cache keys it by, and how it writes into
 * a step's root filesystem.
 */
public final class PreparedCopy {

  private PreparedCopy() {}

  /**
   * {@code sha256:<hex>} over everything the step's result depends on: each source's path relative
   * to the destination, type, mode, owner after {@code --chown}, link target and content, plus
   * {@code --chmod} and the destination. Equal keys mean equal results on an equal parent.
   */
  public String contentKey() {
    throw new UnsupportedOperationException("wt-buildfiles");
  }

  /**
   * What the image history shows, as dockerd's classic builder writes it, e.g. {@code file:<hex> in
   * /app/} or {@code dir:<hex> in /app}.
   */
  public String description() {
    throw new UnsupportedOperationException("wt-buildfiles");
  }

  /**
   * Writes the files into {@code root} (the step's writable root filesystem): the destination
   * resolved as the image sees it (its links followed inside {@code root}), missing directories
   * created, owners from {@code --chown} (names looked up in {@code root}'s {@code /etc/passwd} and
   * {@code /etc/group}), modes from {@code --chmod}; nothing is written outside {@code root}.
   *
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument when a name in {@code --chown} is
   *     unknown in the image, or the destination cannot be written (e.g. a file where a directory
   *     is needed)
   */
  public void applyTo(Path root) {
    throw new UnsupportedOperationException("wt-buildfiles");
  }
}
