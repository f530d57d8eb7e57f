package io.jcompose.schema.diagnostic;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" hints: the closest known name to a misspelt one. */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code input} by edit distance (adjacent swaps count once), if it is
   * close enough to be a likely typo: at most two edits, and fewer than half the input's length.
   */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(input.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    boolean close = bestDistance <= 2 && bestDistance * 2 < Math.max(input.length(), 2);
    boolean prefix = input.length() >= 3 && best.startsWith(input);
    return close || prefix ? Optional.of(best) : Optional.empty();
  }

  /** A hint text, {@code did you mean "x"?}, or "" when nothing is close. */
  public static String didYouMean(String input, Collection<String> candidates) {
    return closest(input, candidates).map(s -> "did you mean \"" + s + "\"?").orElse("");
  }

  /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
