package io.jcompose.model.render;

import io.jcompose.schema.node.ScalarNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes scalars the way a YAML reader reads them back unchanged: plain when that is safe, else
 * double-quoted with escapes.
 */
final class YamlScalars {

  /** Words a YAML 1.2 core schema (or, for the yes/no family, a YAML 1.1) reader would not keep. */
  private static final Set<String> RESERVED_WORDS =
      Set.of(
          "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE", "yes",
          "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
          "<<", "=");

  /** Compiled on first use only: most scalars cannot be numbers (see {@link #mayBeNumber}). */
  private static final class Numbers {
    static final Pattern NUMBER =
        Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
                + "|0o[0-7]+|0x[0-9a-fA-F]+|0b[01]+"
                + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  }

  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private YamlScalars() {}

  static String write(ScalarNode scalar) {
    Object value = scalar.value();
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return string(text);
    }
    if (value instanceof Double number) {
      return number(number);
    }
    return value.toString();
  }

  static String string(String text) {
    return needsQuotes(text) ? quoted(text) : text;
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return ".nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? ".inf" : "-.inf";
    }
    return Double.toString(value);
  }

  static boolean needsQuotes(String text) {
    if (text.isEmpty() || RESERVED_WORDS.contains(text) || isNumber(text)) {
      return true;
    }
    char first = text.charAt(0);
    char last = text.charAt(text.length() - 1);
    if (first == ' ' || last == ' ' || last == ':') {
      return true;
    }
    if (INDICATORS.indexOf(first) >= 0) {
      boolean standsAlone = text.length() == 1 || text.charAt(1) == ' ';
      if (!(first == '-' || first == '?' || first == ':') || standsAlone) {
        return true;
      }
    }
    if (text.startsWith("---") || text.startsWith("...")) {
      return true;
    }
    if (text.contains(": ") || text.contains(" #") || text.contains(":\t")) {
      return true;
    }
    // Supplementary code points need no escape and their surrogates are in no escaped range,
    // so looking at chars is enough.
    for (int index = 0; index < text.length(); index++) {
      if (needsEscape(text.charAt(index))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNumber(String text) {
    return mayBeNumber(text.charAt(0)) && Numbers.NUMBER.matcher(text).matches();
  }

  /** Every text {@link Numbers#NUMBER} matches starts with one of these. */
  private static boolean mayBeNumber(char first) {
    return (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
  }

  private static boolean needsEscape(int codePoint) {
    return codePoint < 0x20
        || (codePoint >= 0x7f && codePoint <= 0x9f)
        || codePoint == 0x2028
        || codePoint == 0x2029
        || codePoint == 0xfeff;
  }

  static String quoted(String text) {
    var out = new StringBuilder(text.length() + 2).append('"');
    for (int index = 0; index < text.length(); ) {
      int codePoint = text.codePointAt(index);
      index += Character.charCount(codePoint);
      switch (codePoint) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case 0 -> out.append("\\0");
        case 0x1b -> out.append("\\e");
        default -> {
          if (codePoint < 0x100 && needsEscape(codePoint)) {
            out.append(String.format("\\x%02x", codePoint));
          } else if (needsEscape(codePoint)) {
            out.append(String.format("\\u%04x", codePoint));
          } else {
            out.appendCodePoint(codePoint);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
