package io.jcompose.cli.line;

import java.util.Objects;

/**
 * A positional parameter of a verb.
 *
 * @param paramLabel its name in help ({@code SERVICE})
 * @param description the help text
 * @param min the fewest arguments it takes
 * @param max the most arguments it takes, or {@link #UNBOUNDED}
 */
public record Positional(String paramLabel, String description, int min, int max) {

  public static final int UNBOUNDED = Integer.MAX_VALUE;

  public Positional {
    Objects.requireNonNull(paramLabel, "paramLabel");
    Objects.requireNonNull(description, "description");
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("bad arity " + min + ".." + max + " for " + paramLabel);
    }
  }

  /** Any number of arguments, none included. */
  public static Positional any(String paramLabel, String description) {
    return new Positional(paramLabel, description, 0, UNBOUNDED);
  }

  /** picocli's spelling of the arity: {@code 0..*}, {@code 1}. */
  String arity() {
    if (min == max) {
      return Integer.toString(min);
    }
    return min + ".." + (max == UNBOUNDED ? "*" : Integer.toString(max));
  }
}
