package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * Applies {@code !reset} and {@code !override} to a tree with nothing to merge with: entries and
 * items tagged {@code !reset} are dropped and every tag is cleared. Untouched subtrees are returned
 * as they are, so a tree without tags costs one walk and no copy.
 */
final class Tags {

  private Tags() {}

  static Node apply(Node node) {
    if (node instanceof MapNode map) {
      return applyToMap(map);
    }
    if (node instanceof SeqNode seq) {
      return applyToSeq(seq);
    }
    return untagged(node);
  }

  static boolean isReset(Node node) {
    return node.tag() == Tag.RESET;
  }

  private static MapNode applyToMap(MapNode map) {
    LinkedHashMap<String, Node> changed = null;
    int index = 0;
    for (var entry : map.entries().entrySet()) {
      Node value = entry.getValue();
      Node applied = isReset(value) ? null : apply(value);
      if (changed == null && applied != value) {
        changed = firstEntries(map, index);
      }
      if (changed != null && applied != null) {
        changed.put(entry.getKey(), applied);
      }
      index++;
    }
    return untagged(changed == null ? map : map.withEntries(changed));
  }

  /** The first {@code count} entries of {@code map}, in order, in a new mutable map. */
  static LinkedHashMap<String, Node> firstEntries(MapNode map, int count) {
    var entries = new LinkedHashMap<String, Node>();
    for (var entry : map.entries().entrySet()) {
      if (entries.size() == count) {
        break;
      }
      entries.put(entry.getKey(), entry.getValue());
    }
    return entries;
  }

  private static SeqNode applyToSeq(SeqNode seq) {
    ArrayList<Node> changed = null;
    for (int i = 0; i < seq.size(); i++) {
      Node item = seq.get(i);
      Node applied = isReset(item) ? null : apply(item);
      if (changed == null && applied != item) {
        changed = new ArrayList<>(seq.items().subList(0, i));
      }
      if (changed != null && applied != null) {
        changed.add(applied);
      }
    }
    return untagged(changed == null ? seq : seq.withItems(changed));
  }

  /** The node itself when it carries no tag, otherwise a copy without one. */
  @SuppressWarnings("unchecked")
  static <T extends Node> T untagged(T node) {
    return node.tag() == Tag.NONE ? node : (T) node.withTag(Tag.NONE);
  }
}
