package io.jcompose.schema.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A YAML mapping with string keys, in source order. Each key remembers its own position so that an
 * unknown or misplaced key can be pointed at precisely.
 */
public final class MapNode implements Node {

  private final Map<String, Node> entries;
  private final Map<String, Position> keyPositions;
  private final Position position;
  private final Tag tag;

  public MapNode(
      Map<String, Node> entries, Map<String, Position> keyPositions, Position position, Tag tag) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.keyPositions = Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
    this.position = Objects.requireNonNull(position, "position");
    this.tag = Objects.requireNonNull(tag, "tag");
  }

  /**
   * Takes {@code entries} and {@code keyPositions} as they are: only for maps this class has just
   * built or that are already unmodifiable, so that a derived mapping costs one copy, not two.
   */
  private MapNode(
      Map<String, Node> entries,
      Map<String, Position> keyPositions,
      Position position,
      Tag tag,
      boolean owned) {
    this.entries = Collections.unmodifiableMap(entries);
    this.keyPositions = Collections.unmodifiableMap(keyPositions);
    this.position = position;
    this.tag = tag;
  }

  /** A mapping whose keys take the position of their values. */
  public static MapNode of(Map<String, ? extends Node> entries, Position position) {
    Objects.requireNonNull(position, "position");
    var keys = new LinkedHashMap<String, Position>();
    for (var entry : entries.entrySet()) {
      keys.put(entry.getKey(), entry.getValue().position());
    }
    return new MapNode(new LinkedHashMap<>(entries), keys, position, Tag.NONE, true);
  }

  public static MapNode empty(Position position) {
    return new MapNode(Map.of(), Map.of(), position, Tag.NONE);
  }

  public Map<String, Node> entries() {
    return entries;
  }

  public Map<String, Position> keyPositions() {
    return keyPositions;
  }

  @Override
  public Position position() {
    return position;
  }

  @Override
  public Tag tag() {
    return tag;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Node get(String key) {
    return entries.get(key);
  }

  public Optional<Node> find(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** The string value of a scalar entry, if the entry is a non-null scalar. */
  public Optional<String> text(String key) {
    return entries.get(key) instanceof ScalarNode s && !s.isNull()
        ? Optional.of(s.text())
        : Optional.empty();
  }

  /** The position of a key, or of the mapping when the key is absent. */
  public Position keyPosition(String key) {
    return keyPositions.getOrDefault(key, position);
  }

  /** A copy with {@code key} set (kept in place when present, appended otherwise). */
  public MapNode with(String key, Node value) {
    if (value != null && entries.get(key) == value) {
      return this; // the same node under a present key: an equal copy would change nothing
    }
    var copy = new LinkedHashMap<>(entries);
    var keys = new LinkedHashMap<>(keyPositions);
    copy.put(key, value);
    keys.putIfAbsent(key, value.position());
    return new MapNode(copy, keys, position, tag, true);
  }

  /** A copy with {@code key} set at {@code keyPosition}. */
  public MapNode with(String key, Position keyPosition, Node value) {
    var copy = new LinkedHashMap<>(entries);
    var keys = new LinkedHashMap<>(keyPositions);
    copy.put(key, value);
    keys.put(key, keyPosition);
    return new MapNode(copy, keys, position, tag, true);
  }

  public MapNode without(String key) {
    if (!entries.containsKey(key)) {
      return this;
    }
    var copy = new LinkedHashMap<>(entries);
    var keys = new LinkedHashMap<>(keyPositions);
    copy.remove(key);
    keys.remove(key);
    return new MapNode(copy, keys, position, tag, true);
  }

  /** A copy whose entries are replaced by {@code newEntries}, keeping known key positions. */
  public MapNode withEntries(Map<String, ? extends Node> newEntries) {
    var keys = new LinkedHashMap<String, Position>();
    for (var entry : newEntries.entrySet()) {
      String key = entry.getKey();
      keys.put(key, keyPositions.getOrDefault(key, entry.getValue().position()));
    }
    return new MapNode(new LinkedHashMap<>(newEntries), keys, position, tag, true);
  }

  /** A copy with the value under {@code key} transformed, when present. */
  public MapNode map(String key, UnaryOperator<Node> change) {
    Node value = entries.get(key);
    return value == null ? this : with(key, change.apply(value));
  }

  @Override
  public MapNode withTag(Tag newTag) {
    return new MapNode(entries, keyPositions, position, Objects.requireNonNull(newTag), true);
  }

  @Override
  public String kindName() {
    return "a mapping";
  }

  @Override
  public Object toPlain() {
    var map = new LinkedHashMap<String, Object>();
    for (var entry : entries.entrySet()) {
      map.put(entry.getKey(), entry.getValue().toPlain());
    }
    return map;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MapNode that && entries.equals(that.entries) && tag == that.tag;
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "MapNode" + entries;
  }
}
