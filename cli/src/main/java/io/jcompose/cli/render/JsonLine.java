package io.jcompose.cli.render;

import java.util.List;
import java.util.Map;

/**
 * Writes plain values (maps, lists, strings, numbers, booleans, null) as one line of JSON, in the
 * maps' own order: what {@code ps --format json} and {@code ls --format json} print.
 */
public final class JsonLine {

  private JsonLine() {}

  public static String write(Object value) {
    var text = new StringBuilder();
    append(text, value);
    return text.toString();
  }

  private static void append(StringBuilder text, Object value) {
    if (value == null) {
      text.append("null");
    } else if (value instanceof String string) {
      quote(text, string);
    } else if (value instanceof Number || value instanceof Boolean) {
      text.append(value);
    } else if (value instanceof Map<?, ?> map) {
      text.append('{');
      boolean first = true;
      for (var entry : map.entrySet()) {
        if (!first) {
          text.append(',');
        }
        first = false;
        quote(text, String.valueOf(entry.getKey()));
        text.append(':');
        append(text, entry.getValue());
      }
      text.append('}');
    } else if (value instanceof List<?> list) {
      text.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          text.append(',');
        }
        append(text, list.get(i));
      }
      text.append(']');
    } else {
      quote(text, value.toString());
    }
  }

  /** {@code value} as a JSON string, quotes included. */
  public static void quote(StringBuilder text, String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }
}
