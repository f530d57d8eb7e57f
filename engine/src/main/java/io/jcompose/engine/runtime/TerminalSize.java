package io.jcompose.engine.runtime;

/** A terminal's size, as {@code ConsoleSize} ({@code [rows, columns]}) and resize give it. */
public record TerminalSize(long rows, long columns) {

  public TerminalSize {
    if (rows <= 0 || columns <= 0) {
      throw new IllegalArgumentException("a terminal size is positive: " + rows + "x" + columns);
    }
  }
}
