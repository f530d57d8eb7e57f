package io.jcompose.cli.render.progress;

import java.util.Locale;

/** The {@code --progress} choices, docker compose's. */
public enum Mode {
  /** {@link #TTY} when standard error is a terminal, else {@link #PLAIN}. */
  AUTO,
  /** Live lines per resource, redrawn in place. */
  TTY,
  /** One line per event, no control characters. */
  PLAIN,
  /** One JSON object per line. */
  JSON,
  /** Nothing but errors. */
  QUIET;

  /** The flag's word for the mode: {@code auto}, {@code tty} ... */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException quoting the word when it is not a mode
   */
  public static Mode parse(String word) {
    for (Mode mode : values()) {
      if (mode.word().equals(word)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown progress mode \"" + word + "\": use auto, tty, plain, json or quiet");
  }
}
