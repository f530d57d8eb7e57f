package io.jcompose.model.render;

/** JSON string literals, in the two dialects jcompose writes. */
public final class JsonStrings {

  private JsonStrings() {}

  /** Standard JSON: quotes, backslashes and control characters escaped. */
  public static void append(StringBuilder out, String text) {
    append(out, text, false);
  }

  /**
   * Go's {@code encoding/json}: also escapes {@code < > &} and U+2028/U+2029 as {@code \}u00XX, and
   * writes backspace and form feed as {@code \}u escapes, byte for byte what docker compose hashes.
   */
  public static void appendGo(StringBuilder out, String text) {
    append(out, text, true);
  }

  private static void append(StringBuilder out, String text, boolean go) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> {
          if (go) {
            unicode(out, c);
          } else {
            out.append(c);
          }
        }
        default -> {
          if (c < 0x20) {
            unicode(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicode(StringBuilder out, char c) {
    String hex = Integer.toHexString(c);
    out.append("\\u");
    for (int pad = hex.length(); pad < 4; pad++) {
      out.append('0');
    }
    out.append(hex);
  }
}
