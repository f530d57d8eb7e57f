package io.jcompose.model.interpolation;

import java.util.ArrayList;
import java.util.List;

/** Parses compose interpolation syntax into a {@link Template}. */
final class TemplateParser {

  private static final Template EMPTY = new Template(List.of());

  private final String text;

  private TemplateParser(String text) {
    this.text = text;
  }

  static Template parse(String text) throws InterpolationException {
    return new TemplateParser(text).parse(0, text.length());
  }

  /** Parses {@code text[from, to)}. */
  private Template parse(int from, int to) throws InterpolationException {
    if (from == to) {
      return EMPTY;
    }
    var parts = new ArrayList<Template.Part>();
    var literal = new StringBuilder();
    int index = from;
    while (index < to) {
      int dollar = text.indexOf('$', index);
      if (dollar < 0 || dollar >= to) {
        literal.append(text, index, to);
        break;
      }
      literal.append(text, index, dollar);
      char next = dollar + 1 < to ? text.charAt(dollar + 1) : 0;
      if (next == '$') {
        literal.append('$');
        index = dollar + 2;
      } else if (isNameStart(next)) {
        int nameEnd = nameEnd(dollar + 1, to);
        flush(literal, parts);
        parts.add(
            new Template.Reference(text.substring(dollar + 1, nameEnd), Operator.NONE, EMPTY));
        index = nameEnd;
      } else if (next == '{') {
        int close = closingBrace(dollar + 2, to);
        if (close < 0) {
          throw invalid("\"" + text.substring(dollar, to) + "\" has no closing \"}\"");
        }
        flush(literal, parts);
        parts.add(braced(dollar, close));
        index = close + 1;
      } else {
        // "$1", "$ ", "$-", a trailing "$": not a reference, kept as written.
        literal.append('$');
        index = dollar + 1;
      }
    }
    flush(literal, parts);
    return new Template(parts);
  }

  /** The reference {@code text[dollar, close]}, where {@code text[close]} is its "}". */
  private Template.Reference braced(int dollar, int close) throws InterpolationException {
    String expression = text.substring(dollar, close + 1);
    int nameStart = dollar + 2;
    if (nameStart == close || !isNameStart(text.charAt(nameStart))) {
      throw invalid(
          "\"" + expression + "\" does not start with a variable name ([_a-zA-Z][_a-zA-Z0-9]*)");
    }
    int nameEnd = nameEnd(nameStart, close);
    String name = text.substring(nameStart, nameEnd);
    if (nameEnd == close) {
      return new Template.Reference(name, Operator.NONE, EMPTY);
    }
    Operator operator = Operator.at(text, nameEnd);
    if (operator == null) {
      throw invalid(
          "\""
              + expression
              + "\" is not supported; use ${VAR}, ${VAR:-default}, ${VAR-default},"
              + " ${VAR:?error}, ${VAR?error}, ${VAR:+alternate} or ${VAR+alternate}");
    }
    Template word = parse(nameEnd + operator.symbol().length(), close);
    return new Template.Reference(name, operator, word);
  }

  /** The index of the "}" closing a "${" whose body starts at {@code from}, or -1. */
  private int closingBrace(int from, int to) {
    int depth = 1;
    for (int index = from; index < to; index++) {
      char c = text.charAt(index);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return index;
      }
    }
    return -1;
  }

  private int nameEnd(int from, int to) {
    int index = from;
    while (index < to && isNamePart(text.charAt(index))) {
      index++;
    }
    return index;
  }

  private InterpolationException invalid(String reason) {
    return new InterpolationException(
        "invalid interpolation format for \""
            + text
            + "\": "
            + reason
            + ". You may need to escape any $ with another $");
  }

  private static void flush(StringBuilder literal, List<Template.Part> parts) {
    if (literal.length() > 0) {
      parts.add(new Template.Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
