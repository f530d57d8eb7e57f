package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.Tag;
import java.util.LinkedHashMap;
import java.util.function.Function;

/**
 * Merges two mappings key by key, asking {@code children} how to merge the value under each key. An
 * override entry tagged {@code !reset} removes the key; one tagged {@code !override} replaces the
 * inherited value wholesale. A null override keeps the inherited value; an override of another kind
 * (say a list over a mapping) replaces it, leaving schema validation to report it.
 */
final class MapRule implements MergeRule {

  private final Function<String, MergeRule> children;

  MapRule(Function<String, MergeRule> children) {
    this.children = children;
  }

  @Override
  public Node merge(Node base, Node override) {
    if (base instanceof MapNode baseMap && override instanceof MapNode overrideMap) {
      return mergeMaps(baseMap, overrideMap);
    }
    if (isNull(override)) {
      return base;
    }
    return alone(override);
  }

  MapNode mergeMaps(MapNode base, MapNode override) {
    var entries = new LinkedHashMap<>(base.entries());
    var keyPositions = new LinkedHashMap<>(base.keyPositions());
    for (var entry : override.entries().entrySet()) {
      String key = entry.getKey();
      Node value = entry.getValue();
      if (value.tag() == Tag.RESET) {
        entries.remove(key);
        keyPositions.remove(key);
        continue;
      }
      MergeRule rule = children.apply(key);
      Node inherited = entries.get(key);
      if (inherited == null || value.tag() == Tag.OVERRIDE) {
        entries.put(key, rule.alone(value));
        keyPositions.put(key, override.keyPosition(key));
      } else {
        entries.put(key, rule.merge(inherited, value));
      }
    }
    return new MapNode(entries, keyPositions, base.position(), Tag.NONE);
  }

  @Override
  public Node alone(Node value) {
    if (!(value instanceof MapNode map)) {
      return Tags.apply(value);
    }
    LinkedHashMap<String, Node> changed = null;
    int index = 0;
    for (var entry : map.entries().entrySet()) {
      Node item = entry.getValue();
      Node applied = Tags.isReset(item) ? null : children.apply(entry.getKey()).alone(item);
      if (changed == null && applied != item) {
        changed = Tags.firstEntries(map, index);
      }
      if (changed != null && applied != null) {
        changed.put(entry.getKey(), applied);
      }
      index++;
    }
    return Tags.untagged(changed == null ? map : map.withEntries(changed));
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.isNull();
  }

  /** A one-entry mapping written at {@code position}, as made when a short form is unified. */
  static MapNode single(String key, Node value, Position position) {
    var entries = new LinkedHashMap<String, Node>();
    entries.put(key, value);
    return MapNode.of(entries, position);
  }
}
