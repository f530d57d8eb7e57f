package io.jcompose.model.canonical;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words the way a POSIX shell would, without running anything. */
final class ShellWords {

  private ShellWords() {}

  /**
   * @throws IllegalArgumentException quoting {@code line} when a quote is not closed
   */
  static List<String> split(String line) {
    var words = new ArrayList<String>();
    var word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char character = line.charAt(i);
      if (quote == '\'') {
        if (character == '\'') {
          quote = 0;
        } else {
          word.append(character);
        }
      } else if (quote == '"') {
        if (character == '"') {
          quote = 0;
        } else if (character == '\\'
            && i + 1 < line.length()
            && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
          word.append(line.charAt(++i));
        } else {
          word.append(character);
        }
      } else if (character == '\'' || character == '"') {
        quote = character;
        inWord = true;
      } else if (character == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(character)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(character);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException(
          "invalid command \""
              + line
              + "\": unclosed "
              + (quote == '"' ? "double" : "single")
              + " quote");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return List.copyOf(words);
  }
}
