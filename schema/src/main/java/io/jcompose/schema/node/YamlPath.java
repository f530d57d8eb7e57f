package io.jcompose.schema.node;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into a compose document, printed the way users write it: {@code
 * services.web.ports[0].published}.
 */
public record YamlPath(List<Object> segments) {

  public static final YamlPath ROOT = new YamlPath(List.of());

  public YamlPath {
    segments = List.copyOf(segments);
  }

  public static YamlPath of(Object... segments) {
    return new YamlPath(List.of(segments));
  }

  public YamlPath key(String key) {
    var copy = new ArrayList<>(segments);
    copy.add(key);
    return new YamlPath(copy);
  }

  public YamlPath index(int index) {
    var copy = new ArrayList<>(segments);
    copy.add(index);
    return new YamlPath(copy);
  }

  public int depth() {
    return segments.size();
  }

  /** The last key of the path, or "" when the path is empty or ends with an index. */
  public String lastKey() {
    return segments.isEmpty() || !(segments.get(segments.size() - 1) instanceof String s) ? "" : s;
  }

  @Override
  public String toString() {
    var text = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        if (text.length() > 0) {
          text.append('.');
        }
        text.append(segment);
      }
    }
    return text.toString();
  }
}
