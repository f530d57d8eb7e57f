package io.jcompose.model.canonical;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small constructors and readers for node trees used across the canonical stage. */
final class Trees {

  private Trees() {}

  static ScalarNode scalar(Object value, Position position) {
    return ScalarNode.of(value, position);
  }

  static MapNode map(Position position) {
    return MapNode.empty(position);
  }

  static MapNode map(Map<String, ? extends Node> entries, Position position) {
    return MapNode.of(new LinkedHashMap<>(entries), position);
  }

  static SeqNode seq(List<? extends Node> items, Position position) {
    return SeqNode.of(items, position);
  }

  /** The text of a non-null scalar, or null for anything else. */
  static String text(Node node) {
    return node instanceof ScalarNode scalar && !scalar.isNull() ? scalar.text() : null;
  }

  static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode scalar && scalar.isNull());
  }

  static boolean isTrue(Node node) {
    return node instanceof ScalarNode scalar && Boolean.TRUE.equals(scalar.value());
  }

  /** A one-item list when {@code node} is a scalar, the list itself when it is one. */
  static SeqNode asList(Node node) {
    if (node instanceof SeqNode seq) {
      return seq;
    }
    return seq(List.of(node), node.position());
  }

  /** Sets {@code key} to {@code value} only when the mapping lacks it. */
  static MapNode withDefault(MapNode map, String key, Object value) {
    return map.has(key) ? map : map.with(key, scalar(value, map.position()));
  }
}
