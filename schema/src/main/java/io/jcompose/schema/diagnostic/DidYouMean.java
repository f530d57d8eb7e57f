package io.jcompose.schema.diagnostic;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the allowed name a user most likely meant: one within two edits (a swap of neighbours
 * counts as one) or one that starts with what was typed, ignoring case.
 */
public final class DidYouMean {

  private static final int MAX_DISTANCE = 2;
  private static final int MIN_PREFIX = 3;

  private DidYouMean() {}

  public static Optional<String> nearest(String typed, Collection<String> allowed) {
    String lowerTyped = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : allowed) {
      String lowerCandidate = candidate.toLowerCase(Locale.ROOT);
      int distance = distance(lowerTyped, lowerCandidate);
      boolean close = distance <= MAX_DISTANCE && distance < Math.max(2, lowerTyped.length() / 2);
      boolean prefix =
          lowerTyped.length() >= MIN_PREFIX
              && (lowerCandidate.startsWith(lowerTyped) || lowerTyped.startsWith(lowerCandidate));
      if ((close || prefix) && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code did you mean "x"?} for the nearest name, or "" when none is close. */
  public static String hint(String typed, Collection<String> allowed) {
    return nearest(typed, allowed).map(DidYouMean::phrase).orElse("");
  }

  public static String phrase(String suggestion) {
    return "did you mean \"" + suggestion + "\"?";
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String first, String second) {
    int[][] table = new int[first.length() + 1][second.length() + 1];
    for (int i = 0; i <= first.length(); i++) {
      table[i][0] = i;
    }
    for (int j = 0; j <= second.length(); j++) {
      table[0][j] = j;
    }
    for (int i = 1; i <= first.length(); i++) {
      for (int j = 1; j <= second.length(); j++) {
        int cost = first.charAt(i - 1) == second.charAt(j - 1) ? 0 : 1;
        int value =
            Math.min(
                Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1), table[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && first.charAt(i - 1) == second.charAt(j - 2)
            && first.charAt(i - 2) == second.charAt(j - 1)) {
          value = Math.min(value, table[i - 2][j - 2] + 1);
        }
        table[i][j] = value;
      }
    }
    return table[first.length()][second.length()];
  }
}
