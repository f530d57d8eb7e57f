package io.jcompose.engine.build.dockerfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits an instruction's arguments into words, before any expansion. */
final class Words {

  private Words() {}

  /** Split on whitespace only, as BuildKit does for COPY, EXPOSE, VOLUME and FROM. */
  static List<String> byWhitespace(String text) {
    String stripped = text.strip();
    return stripped.isEmpty() ? List.of() : Arrays.asList(stripped.split("\\s+"));
  }

  /**
   * Split on whitespace outside quotes, keeping quotes and escapes in the words (for ENV, LABEL and
   * ARG, whose values are unquoted at expansion): {@code a="x y" b} is two words.
   */
  static List<String> quoted(String text, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      word.append(c);
      if (c == escape && quote != '\'' && index + 1 < text.length()) {
        word.append(text.charAt(++index));
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }
}
