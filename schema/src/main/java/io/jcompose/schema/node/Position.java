package io.jcompose.schema.node;

import java.util.Objects;

/**
 * Where a node came from: a file (as the user named it, or {@code "-"} for stdin) and a 1-based
 * line and column. {@link #UNKNOWN} marks values the loader made up (defaults, normalisation).
 */
public record Position(String file, int line, int column) {

  public static final Position UNKNOWN = new Position("", 0, 0);

  public Position {
    Objects.requireNonNull(file, "file");
  }

  public boolean isKnown() {
    return line > 0;
  }

  @Override
  public String toString() {
    return isKnown() ? file + ":" + line + ":" + column : file;
  }
}
