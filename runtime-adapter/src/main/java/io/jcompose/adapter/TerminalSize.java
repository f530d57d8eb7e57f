package io.jcompose.adapter;

/**
 * The size of a terminal, as {@code stty size} reports it and the resize endpoints take it.
 *
 * @param rows lines (the {@code h} parameter)
 * @param columns characters per line (the {@code w} parameter)
 */
public record TerminalSize(int rows, int columns) {

  public TerminalSize {
    if (rows < 1 || columns < 1) {
      throw new IllegalArgumentException(
          "a terminal size must be positive: " + rows + "x" + columns);
    }
  }
}
