package io.jcompose.engine.build.context;

import java.util.regex.Pattern;

/**
 * Go's {@code filepath.Match} patterns as regular expressions: {@code *} and {@code ?} stay within
 * one path component, {@code [...]} is a character class ({@code [^...]} negated), {@code \}
 * escapes the next character. For {@code .dockerignore}, {@code **} also spans components ({@code
 * **}{@code /} any number of leading directories, a trailing {@code **} everything).
 */
final class GoPattern {

  private GoPattern() {}

  /** Whether {@code path} has {@code *}, {@code ?} or {@code [} that is not escaped. */
  static boolean hasWildcards(String path) {
    for (int i = 0; i < path.length(); i++) {
      char current = path.charAt(i);
      if (current == '\\') {
        i++;
      } else if (current == '*' || current == '?' || current == '[') {
        return true;
      }
    }
    return false;
  }

  /**
   * A {@code filepath.Match} pattern; {@code doubleStar} adds {@code .dockerignore}'s {@code **}.
   */
  static Pattern compile(String pattern, boolean doubleStar) {
    var regex = new StringBuilder("^");
    int length = pattern.length();
    for (int i = 0; i < length; i++) {
      char current = pattern.charAt(i);
      if (current == '*') {
        if (doubleStar && i + 1 < length && pattern.charAt(i + 1) == '*') {
          i++;
          if (i + 1 < length && pattern.charAt(i + 1) == '/') {
            i++;
          }
          regex.append(i + 1 >= length ? ".*" : "(.*/)?");
        } else {
          regex.append("[^/]*");
        }
      } else if (current == '?') {
        regex.append("[^/]");
      } else if (current == '\\') {
        if (i + 1 < length) {
          i++;
        }
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
      } else if (current == '[') {
        i = characterClass(pattern, i, regex);
      } else {
        regex.append(Pattern.quote(String.valueOf(current)));
      }
    }
    return Pattern.compile(regex.append('$').toString(), Pattern.DOTALL);
  }

  /** Appends the class opening at {@code open}; returns the index of its {@code ]}. */
  private static int characterClass(String pattern, int open, StringBuilder regex) {
    var set = new StringBuilder("[");
    int i = open + 1;
    if (i < pattern.length() && pattern.charAt(i) == '^') {
      set.append('^');
      i++;
    }
    boolean empty = true;
    for (; i < pattern.length(); i++) {
      char current = pattern.charAt(i);
      if (current == ']' && !empty) {
        regex.append(set).append(']');
        return i;
      }
      empty = false;
      if (current == '\\' && i + 1 < pattern.length()) {
        i++;
        current = pattern.charAt(i);
      }
      if (current == '-') {
        set.append('-');
      } else if (Character.isLetterOrDigit(current)) {
        set.append(current);
      } else {
        set.append('\\').append(current);
      }
    }
    // no closing bracket: Go reports a bad pattern; match it literally instead
    regex.append(Pattern.quote(pattern.substring(open)));
    return pattern.length() - 1;
  }
}
