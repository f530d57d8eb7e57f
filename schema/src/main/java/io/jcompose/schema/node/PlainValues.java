package io.jcompose.schema.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions between node trees and plain Java collections. */
final class PlainValues {

  private PlainValues() {}

  static Node toNode(Object value, Position position) {
    if (value instanceof Node node) {
      return node;
    }
    if (value instanceof Map<?, ?> map) {
      var entries = new LinkedHashMap<String, Node>();
      for (var entry : map.entrySet()) {
        entries.put(String.valueOf(entry.getKey()), toNode(entry.getValue(), position));
      }
      return MapNode.of(entries, position);
    }
    if (value instanceof List<?> list) {
      var items = new ArrayList<Node>(list.size());
      for (Object item : list) {
        items.add(toNode(item, position));
      }
      return new SeqNode(items, position, Tag.NONE);
    }
    if (value instanceof Integer i) {
      return new ScalarNode(i.longValue(), position, Tag.NONE);
    }
    return new ScalarNode(value, position, Tag.NONE);
  }
}
