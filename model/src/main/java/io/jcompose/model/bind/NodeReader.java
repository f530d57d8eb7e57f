package io.jcompose.model.bind;

import io.jcompose.model.project.ByteSize;
import io.jcompose.model.project.Durations;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of canonical mappings. Values the canonical stage already reported as
 * wrong read as absent, so binding never reports a problem twice.
 */
final class NodeReader {

  private NodeReader() {}

  static Optional<String> string(MapNode map, String key) {
    return map.text(key);
  }

  static boolean bool(MapNode map, String key, boolean otherwise) {
    return map.get(key) instanceof ScalarNode scalar && scalar.value() instanceof Boolean value
        ? value
        : otherwise;
  }

  static Optional<Long> whole(MapNode map, String key) {
    if (map.get(key) instanceof ScalarNode scalar && !scalar.isNull()) {
      try {
        return Optional.of(Long.parseLong(scalar.text().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static Optional<Integer> integer(MapNode map, String key) {
    return whole(map, key)
        .filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)
        .map(Long::intValue);
  }

  static Optional<Double> decimal(MapNode map, String key) {
    if (map.get(key) instanceof ScalarNode scalar && !scalar.isNull()) {
      try {
        return Optional.of(Double.parseDouble(scalar.text().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static Optional<Duration> duration(MapNode map, String key) {
    try {
      return map.text(key).map(Durations::parse);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<ByteSize> bytes(MapNode map, String key) {
    try {
      return map.text(key).map(ByteSize::parse);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static Optional<MapNode> map(MapNode map, String key) {
    return map.get(key) instanceof MapNode child ? Optional.of(child) : Optional.empty();
  }

  static List<Node> items(MapNode map, String key) {
    return map.get(key) instanceof SeqNode seq ? seq.items() : List.of();
  }

  /** A list of strings; a single scalar reads as a one-item list. */
  static List<String> strings(MapNode map, String key) {
    Node node = map.get(key);
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return List.of(scalar.text());
    }
    var values = new ArrayList<String>();
    for (Node item : items(map, key)) {
      if (item instanceof ScalarNode scalar && !scalar.isNull()) {
        values.add(scalar.text());
      }
    }
    return values;
  }

  /** A command: absent or null reads as empty; a list as its strings. */
  static Optional<List<String>> command(MapNode map, String key) {
    Node node = map.get(key);
    return node instanceof SeqNode ? Optional.of(strings(map, key)) : Optional.empty();
  }

  /** A mapping of strings; null values stay null. */
  static Map<String, String> stringMap(MapNode map, String key) {
    var values = new LinkedHashMap<String, String>();
    if (map.get(key) instanceof MapNode child) {
      child
          .entries()
          .forEach(
              (name, value) ->
                  values.put(name, value instanceof ScalarNode s && !s.isNull() ? s.text() : null));
    }
    return values;
  }

  /** Every entry not in {@code known} and not an {@code x-*} extension, as plain values. */
  static Map<String, Object> others(MapNode map, Set<String> known) {
    var values = new LinkedHashMap<String, Object>();
    map.entries()
        .forEach(
            (key, value) -> {
              if (!known.contains(key) && !key.startsWith("x-")) {
                values.put(key, value.toPlain());
              }
            });
    return values;
  }

  static Map<String, Object> extensions(MapNode map) {
    var values = new LinkedHashMap<String, Object>();
    map.entries()
        .forEach(
            (key, value) -> {
              if (key.startsWith("x-")) {
                values.put(key, value.toPlain());
              }
            });
    return values;
  }
}
