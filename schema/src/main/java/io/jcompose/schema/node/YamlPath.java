package io.jcompose.schema.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A path into a compose document, printed the way users write it: {@code
 * services.web.ports[0].published}. Paths share their parents, so extending one is O(1): every
 * stage builds a path for each node it visits.
 */
public final class YamlPath {

  public static final YamlPath ROOT = new YamlPath(null, null, 0);

  private final YamlPath parent;
  private final Object segment;
  private final int depth;

  private YamlPath(YamlPath parent, Object segment, int depth) {
    this.parent = parent;
    this.segment = segment;
    this.depth = depth;
  }

  /** A path of keys (strings) and indexes (integers). */
  public static YamlPath of(Object... segments) {
    return of(List.of(segments));
  }

  public static YamlPath of(List<?> segments) {
    YamlPath path = ROOT;
    for (Object segment : segments) {
      path =
          segment instanceof Integer index ? path.index(index) : path.key(String.valueOf(segment));
    }
    return path;
  }

  public YamlPath key(String key) {
    return new YamlPath(this, Objects.requireNonNull(key, "key"), depth + 1);
  }

  public YamlPath index(int index) {
    return new YamlPath(this, index, depth + 1);
  }

  /** The keys (strings) and indexes (integers) from the root down. */
  public List<Object> segments() {
    var segments = new ArrayList<Object>(depth);
    for (YamlPath path = this; path.depth > 0; path = path.parent) {
      segments.add(path.segment);
    }
    Collections.reverse(segments);
    return List.copyOf(segments);
  }

  public int depth() {
    return depth;
  }

  /** The path one level up (the root is its own parent). */
  public YamlPath parent() {
    return depth == 0 ? this : parent;
  }

  /** The last key of the path, or "" when the path is empty or ends with an index. */
  public String lastKey() {
    return segment instanceof String key ? key : "";
  }

  /** Whether this path starts with {@code prefix}. */
  public boolean startsWith(YamlPath prefix) {
    YamlPath path = this;
    while (path.depth > prefix.depth) {
      path = path.parent;
    }
    return path.equals(prefix);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof YamlPath that) || depth != that.depth) {
      return false;
    }
    YamlPath left = this;
    YamlPath right = that;
    while (left.depth > 0) {
      if (!left.segment.equals(right.segment)) {
        return false;
      }
      left = left.parent;
      right = right.parent;
    }
    return true;
  }

  @Override
  public int hashCode() {
    return segments().hashCode();
  }

  @Override
  public String toString() {
    var text = new StringBuilder();
    for (Object segment : segments()) {
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
