package io.jcompose.schema.node;

/**
 * An immutable YAML node that remembers where it was written. The whole loader works on trees of
 * these, so every diagnostic can point at a file, line and column.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {

  Position position();

  Tag tag();

  /** The same node with another tag. */
  Node withTag(Tag tag);

  /** A short word for messages: "a mapping", "a list", "a string", "a number" ... */
  String kindName();

  /**
   * This node as plain Java values: LinkedHashMap, ArrayList, String, Long, Double, Boolean, null.
   */
  Object toPlain();

  /** Builds a node tree from plain Java values; every node gets {@code position}. */
  static Node fromPlain(Object value, Position position) {
    return PlainValues.toNode(value, position);
  }
}
