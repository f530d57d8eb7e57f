package io.jcompose.engine.build.dockerfile;

import java.util.function.Function;

/**
 * Processes one Dockerfile word the way BuildKit's shell lexer does: quotes removed, the escape
 * character taking the next character literally, and {@code $VAR}, {@code ${VAR}}, {@code
 * ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:+alternate}}, {@code ${VAR+alternate}},
 * {@code ${VAR:?message}} and {@code ${VAR?message}} replaced.
 */
final class WordExpander {

  private final String word;
  private final char escape;
  private final Function<String, String> lookup;
  private final int line;
  private int position;

  private WordExpander(String word, char escape, Function<String, String> lookup, int line) {
    this.word = word;
    this.escape = escape;
    this.lookup = lookup;
    this.line = line;
  }

  /** The processed word; {@code lookup} answers null for a variable that is not set. */
  static String expand(String word, char escape, Function<String, String> lookup, int line) {
    WordExpander expander = new WordExpander(word, escape, lookup, line);
    return expander.until((char) 0);
  }

  private String until(char stop) {
    StringBuilder result = new StringBuilder();
    while (position < word.length()) {
      char c = word.charAt(position);
      if (stop != 0 && c == stop) {
        position++;
        return result.toString();
      }
      position++;
      if (c == escape) {
        if (position < word.length()) {
          result.append(word.charAt(position++));
        } else {
          result.append(c);
        }
      } else if (c == '\'') {
        int close = word.indexOf('\'', position);
        if (close < 0) {
          throw DockerfileError.at(
              line, "unexpected end of statement while looking for matching '");
        }
        result.append(word, position, close);
        position = close + 1;
      } else if (c == '"') {
        doubleQuoted(result);
      } else if (c == '$') {
        result.append(variable());
      } else {
        result.append(c);
      }
    }
    if (stop != 0) {
      throw DockerfileError.at(line, "missing '}' in \"" + word + "\"");
    }
    return result.toString();
  }

  private void doubleQuoted(StringBuilder result) {
    while (position < word.length()) {
      char c = word.charAt(position++);
      if (c == '"') {
        return;
      }
      if (c == escape && position < word.length()) {
        char next = word.charAt(position++);
        if (next != '"' && next != '$' && next != escape) {
          result.append(c);
        }
        result.append(next);
      } else if (c == '$') {
        result.append(variable());
      } else {
        result.append(c);
      }
    }
    throw DockerfileError.at(line, "unexpected end of statement while looking for matching \"");
  }

  private String variable() {
    if (position >= word.length()) {
      return "$";
    }
    char next = word.charAt(position);
    if (next != '{') {
      String name = name();
      return name.isEmpty() ? "$" : orEmpty(lookup.apply(name));
    }
    position++;
    String name = name();
    if (position >= word.length()) {
      throw DockerfileError.at(line, "missing '}' in \"" + word + "\"");
    }
    if (name.isEmpty()) {
      throw DockerfileError.at(line, "bad substitution in \"" + word + "\": no variable name");
    }
    char modifier = word.charAt(position++);
    if (modifier == '}') {
      return orEmpty(lookup.apply(name));
    }
    boolean colon = modifier == ':';
    if (colon) {
      modifier = position < word.length() ? word.charAt(position++) : 0;
    }
    if (modifier != '-' && modifier != '+' && modifier != '?') {
      throw DockerfileError.at(
          line, "unsupported modifier (" + modifier + ") in substitution \"" + word + "\"");
    }
    String operand = until('}');
    String value = lookup.apply(name);
    boolean present = colon ? value != null && !value.isEmpty() : value != null;
    switch (modifier) {
      case '-':
        return present ? value : operand;
      case '+':
        return present ? operand : "";
      default:
        if (!present) {
          throw DockerfileError.at(
              line, name + ": " + (operand.isEmpty() ? "is not allowed to be unset" : operand));
        }
        return value;
    }
  }

  private String name() {
    int start = position;
    while (position < word.length()) {
      char c = word.charAt(position);
      if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_') {
        break;
      }
      position++;
    }
    return word.substring(start, position);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
