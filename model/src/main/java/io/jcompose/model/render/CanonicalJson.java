package io.jcompose.model.render;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.util.List;
import java.util.Map;

/**
 * Prints a node tree as JSON with the same key order as {@link CanonicalYaml}: a mapping at the
 * root is ordered as a compose document (name, services, networks ...), every other mapping is
 * sorted by key. Pretty output uses two-space indentation and ends with a newline; compact output
 * has no whitespace and no newline.
 */
public final class CanonicalJson {

  private final StringBuilder out = new StringBuilder(4096);
  private final boolean pretty;

  private CanonicalJson(boolean pretty) {
    this.pretty = pretty;
  }

  public static String write(Node node, boolean pretty) {
    var writer = new CanonicalJson(pretty);
    writer.node(node, 0, true);
    if (pretty) {
      writer.out.append('\n');
    }
    return writer.out.toString();
  }

  private void node(Node node, int depth, boolean root) {
    if (node instanceof MapNode map) {
      object(root ? KeyOrder.document(map) : KeyOrder.sorted(map), depth);
    } else if (node instanceof SeqNode seq) {
      array(seq, depth);
    } else {
      scalar((ScalarNode) node);
    }
  }

  private void object(List<Map.Entry<String, Node>> entries, int depth) {
    if (entries.isEmpty()) {
      out.append("{}");
      return;
    }
    out.append('{');
    boolean first = true;
    for (var entry : entries) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(depth + 1);
      string(entry.getKey());
      out.append(pretty ? ": " : ":");
      node(entry.getValue(), depth + 1, false);
    }
    newline(depth);
    out.append('}');
  }

  private void array(SeqNode seq, int depth) {
    if (seq.size() == 0) {
      out.append("[]");
      return;
    }
    out.append('[');
    boolean first = true;
    for (Node item : seq.items()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(depth + 1);
      node(item, depth + 1, false);
    }
    newline(depth);
    out.append(']');
  }

  private void scalar(ScalarNode scalar) {
    Object value = scalar.value();
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(text);
    } else if (value instanceof Double number) {
      if (number.isNaN() || number.isInfinite()) {
        string(number.toString());
      } else if (number == Math.rint(number) && Math.abs(number) < 1e15) {
        out.append(number.longValue());
      } else {
        out.append(number);
      }
    } else {
      out.append(value);
    }
  }

  private void string(String text) {
    JsonStrings.append(out, text);
  }

  private void newline(int depth) {
    if (pretty) {
      out.append('\n').append("  ".repeat(depth));
    }
  }
}
