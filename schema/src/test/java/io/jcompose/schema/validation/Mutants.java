package io.jcompose.schema.validation;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Deterministic variations of a valid document, each one small change away from it: a value of
 * another type, a misspelt or extension key, a key removed. Most are invalid; a few stay valid.
 */
final class Mutants {

  /** One variation and what was changed. */
  record Mutant(String change, MapNode document) {}

  private static final List<Node> REPLACEMENTS =
      List.of(
          ScalarNode.of("text", Position.UNKNOWN),
          ScalarNode.of(42L, Position.UNKNOWN),
          SeqNode.of(List.of(ScalarNode.of("item", Position.UNKNOWN)), Position.UNKNOWN),
          MapNode.of(Map.of("key", ScalarNode.of("value", Position.UNKNOWN)), Position.UNKNOWN),
          ScalarNode.nullAt(Position.UNKNOWN),
          ScalarNode.of(true, Position.UNKNOWN),
          ScalarNode.of(-2000L, Position.UNKNOWN),
          ScalarNode.of(2.5, Position.UNKNOWN),
          ScalarNode.of("", Position.UNKNOWN),
          SeqNode.of(List.of(), Position.UNKNOWN));

  private Mutants() {}

  /** At most {@code limit} variations, spread evenly over the document's nodes. */
  static List<Mutant> of(MapNode document, int limit) {
    var paths = new ArrayList<YamlPath>();
    collect(document, YamlPath.ROOT, paths);
    var mutants = new ArrayList<Mutant>();
    int stride = Math.max(1, paths.size() * 3 / limit);
    for (int index = 1; index < paths.size(); index += stride) {
      YamlPath path = paths.get(index);
      Node replacement = REPLACEMENTS.get(index % REPLACEMENTS.size());
      mutants.add(mutant(document, path, "set to " + replacement.toPlain(), old -> replacement));
      String key = path.lastKey();
      if (!key.isEmpty()) {
        mutants.add(mutant(document, path, "removed", old -> null));
        mutants.add(renamed(document, path, key + (index % 2 == 0 ? "s" : "_"), "misspelt"));
        mutants.add(renamed(document, path, "x-" + key, "made an extension"));
      }
    }
    return mutants;
  }

  private static void collect(Node node, YamlPath path, List<YamlPath> paths) {
    paths.add(path);
    if (node instanceof MapNode map) {
      map.entries().forEach((key, value) -> collect(value, path.key(key), paths));
    } else if (node instanceof SeqNode list) {
      for (int index = 0; index < list.size(); index++) {
        collect(list.get(index), path.index(index), paths);
      }
    }
  }

  private static Mutant renamed(MapNode document, YamlPath path, String newKey, String change) {
    var parent = path.parent();
    String oldKey = path.lastKey();
    return mutant(
        document,
        parent,
        path + " " + change + " as " + newKey,
        old -> {
          var map = (MapNode) old;
          return map.without(oldKey).with(newKey, map.get(oldKey));
        });
  }

  private static Mutant mutant(
      MapNode document, YamlPath path, String change, UnaryOperator<Node> edit) {
    Node changed = replace(document, path.segments(), 0, edit);
    return new Mutant(
        change.startsWith(path.toString()) ? change : path + " " + change,
        changed instanceof MapNode map ? map : MapNode.empty(Position.UNKNOWN));
  }

  /** The node with the part at {@code segments} edited; a null edit result removes the part. */
  private static Node replace(
      Node node, List<Object> segments, int depth, UnaryOperator<Node> edit) {
    if (depth == segments.size()) {
      return edit.apply(node);
    }
    Object segment = segments.get(depth);
    if (node instanceof MapNode map && segment instanceof String key) {
      Node child = replace(map.get(key), segments, depth + 1, edit);
      return child == null ? map.without(key) : map.with(key, child);
    }
    var list = (SeqNode) node;
    var items = new ArrayList<>(list.items());
    Node child = replace(items.get((Integer) segment), segments, depth + 1, edit);
    if (child == null) {
      items.remove((int) (Integer) segment);
    } else {
      items.set((Integer) segment, child);
    }
    return list.withItems(items);
  }
}
