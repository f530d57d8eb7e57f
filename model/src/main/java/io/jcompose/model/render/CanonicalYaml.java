package io.jcompose.model.render;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.util.List;
import java.util.Map;

/**
 * Prints a canonical compose document as block-style YAML, the way {@code docker compose config}
 * does: two-space indentation, list items indented under their key, strings quoted only when a
 * reader would otherwise see another type. The output is deterministic: the top level follows
 * docker compose's section order and every other mapping is sorted by key.
 */
public final class CanonicalYaml {

  private static final int INDENT = 2;

  private final StringBuilder out = new StringBuilder(4096);

  private CanonicalYaml() {}

  /** The document as YAML text, ending with a newline. */
  public static String write(MapNode document) {
    var writer = new CanonicalYaml();
    if (document.isEmpty()) {
      return "{}\n";
    }
    writer.entries(KeyOrder.document(document), 0, false);
    return writer.out.toString();
  }

  /**
   * Writes mapping entries at {@code indent}. When {@code inline}, the first entry continues a line
   * the caller started (after {@code "- "}).
   */
  private void entries(List<Map.Entry<String, Node>> entries, int indent, boolean inline) {
    boolean first = true;
    for (var entry : entries) {
      if (!(first && inline)) {
        spaces(indent);
      }
      first = false;
      out.append(YamlScalars.string(entry.getKey())).append(':');
      value(entry.getValue(), indent);
    }
  }

  /** Writes the value of a mapping entry whose key sits at {@code indent}. */
  private void value(Node node, int indent) {
    if (node instanceof MapNode map && !map.isEmpty()) {
      out.append('\n');
      entries(KeyOrder.sorted(map), indent + INDENT, false);
    } else if (node instanceof SeqNode seq && seq.size() > 0) {
      out.append('\n');
      items(seq, indent + INDENT, false);
    } else {
      out.append(' ').append(leaf(node)).append('\n');
    }
  }

  private void items(SeqNode seq, int indent, boolean inline) {
    boolean first = true;
    for (Node item : seq.items()) {
      if (!(first && inline)) {
        spaces(indent);
      }
      first = false;
      out.append("- ");
      if (item instanceof MapNode map && !map.isEmpty()) {
        entries(KeyOrder.sorted(map), indent + INDENT, true);
      } else if (item instanceof SeqNode nested && nested.size() > 0) {
        items(nested, indent + INDENT, true);
      } else {
        out.append(leaf(item)).append('\n');
      }
    }
  }

  /** A scalar, or an empty collection in flow style. */
  private static String leaf(Node node) {
    if (node instanceof MapNode) {
      return "{}";
    }
    if (node instanceof SeqNode) {
      return "[]";
    }
    return YamlScalars.write((ScalarNode) node);
  }

  private void spaces(int count) {
    out.append(" ".repeat(count));
  }
}
