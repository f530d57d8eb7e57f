package io.jcompose.planner.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which settings differ between two hashed service configurations (the JSON that {@code
 * config-hash} is computed from), named by path: {@code environment.GREETING changed}. Only paths
 * are reported, never values, so a changed password does not end up in a plan.
 */
final class ConfigDiff {

  private static final int SHOWN = 4;

  private final List<String> changes = new ArrayList<>();

  private ConfigDiff() {}

  /**
   * @return the changes in words, or empty text when the documents are equal or one is not JSON
   */
  static String describe(String oldJson, String newJson) {
    Object before;
    Object after;
    try {
      before = new Reader(oldJson).document();
      after = new Reader(newJson).document();
    } catch (IllegalArgumentException e) {
      return "";
    }
    var diff = new ConfigDiff();
    diff.compare("", before, after);
    if (diff.changes.isEmpty()) {
      return "";
    }
    List<String> shown = diff.changes.subList(0, Math.min(SHOWN, diff.changes.size()));
    String text = String.join(", ", shown);
    int more = diff.changes.size() - shown.size();
    return more > 0 ? text + " and " + more + " more" : text;
  }

  private void compare(String path, Object before, Object after) {
    if (before instanceof Map<?, ?> oldMap && after instanceof Map<?, ?> newMap) {
      var keys = new TreeSet<String>();
      oldMap.keySet().forEach(key -> keys.add((String) key));
      newMap.keySet().forEach(key -> keys.add((String) key));
      for (String key : keys) {
        String child = path.isEmpty() ? key : path + "." + key;
        if (!oldMap.containsKey(key)) {
          changes.add(child + " added");
        } else if (!newMap.containsKey(key)) {
          changes.add(child + " removed");
        } else {
          compare(child, oldMap.get(key), newMap.get(key));
        }
      }
    } else if (before instanceof List<?> oldList
        && after instanceof List<?> newList
        && oldList.size() == newList.size()) {
      for (int index = 0; index < oldList.size(); index++) {
        compare(path + "[" + index + "]", oldList.get(index), newList.get(index));
      }
    } else if (!Objects.equals(before, after)) {
      changes.add((path.isEmpty() ? "configuration" : path) + " changed");
    }
  }

  /** A small reader for the JSON the hash is computed from: objects, arrays, strings, literals. */
  private static final class Reader {
    private final String text;
    private int position;

    Reader(String text) {
      this.text = text;
    }

    Object document() {
      Object value = value();
      skipSpace();
      if (position != text.length()) {
        throw error("trailing text");
      }
      return value;
    }

    private Object value() {
      skipSpace();
      if (position >= text.length()) {
        throw error("unexpected end");
      }
      char first = text.charAt(position);
      switch (first) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        default:
          return literal();
      }
    }

    private Map<String, Object> object() {
      var map = new LinkedHashMap<String, Object>();
      position++;
      skipSpace();
      if (peek() == '}') {
        position++;
        return map;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        map.put(key, value());
        skipSpace();
        if (peek() == ',') {
          position++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      var list = new ArrayList<Object>();
      position++;
      skipSpace();
      if (peek() == ']') {
        position++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek() == ',') {
          position++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      var value = new StringBuilder();
      while (position < text.length()) {
        char character = text.charAt(position++);
        if (character == '"') {
          return value.toString();
        }
        if (character == '\\') {
          if (position >= text.length()) {
            break;
          }
          char escaped = text.charAt(position++);
          switch (escaped) {
            case 'u' -> {
              if (position + 4 > text.length()) {
                throw error("short \\u escape");
              }
              value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
              position += 4;
            }
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            default -> value.append(escaped);
          }
        } else {
          value.append(character);
        }
      }
      throw error("unterminated string");
    }

    private String literal() {
      int start = position;
      while (position < text.length() && ",}] \n\t\r".indexOf(text.charAt(position)) < 0) {
        position++;
      }
      if (start == position) {
        throw error("unexpected character");
      }
      return text.substring(start, position);
    }

    private char peek() {
      if (position >= text.length()) {
        throw error("unexpected end");
      }
      return text.charAt(position);
    }

    private void expect(char wanted) {
      if (peek() != wanted) {
        throw error("expected '" + wanted + "'");
      }
      position++;
    }

    private void skipSpace() {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("invalid JSON at offset " + position + ": " + what);
    }
  }
}
