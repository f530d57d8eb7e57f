package io.jcompose.adapter.tools;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** A tar stream of a container path, with the path's stat. Closing it ends the request. */
public final class PathArchive extends FilterInputStream {

  private final PathStat stat;
  private final Runnable onClose;

  public PathArchive(PathStat stat, InputStream tar, Runnable onClose) {
    super(Objects.requireNonNull(tar, "tar"));
    this.stat = Objects.requireNonNull(stat, "stat");
    this.onClose = Objects.requireNonNull(onClose, "onClose");
  }

  /** The archived path itself. */
  public PathStat stat() {
    return stat;
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      onClose.run();
    }
  }
}
