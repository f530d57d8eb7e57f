package io.jcompose.model.merge;

import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * Appends the override's items to the inherited ones. A list with an {@link ItemKey} is a keyed
 * set: a later item with the key of an earlier one replaces it in place. An override item tagged
 * {@code !reset} adds nothing and removes the inherited items with its key (or, for lists without a
 * key, equal to it).
 */
final class SeqRule implements MergeRule {

  private final ItemKey itemKey;
  private final boolean acceptsString;

  private SeqRule(ItemKey itemKey, boolean acceptsString) {
    this.itemKey = itemKey;
    this.acceptsString = acceptsString;
  }

  /** A plain list: appended, duplicates kept. */
  static SeqRule appending() {
    return new SeqRule(null, false);
  }

  /** A keyed set: appended, then the later of two items with the same key kept in place. */
  static SeqRule unique(ItemKey itemKey) {
    return new SeqRule(itemKey, false);
  }

  /** A keyed set that may also be written as a single string ({@code dns: 8.8.8.8}). */
  static SeqRule uniqueOrString(ItemKey itemKey) {
    return new SeqRule(itemKey, true);
  }

  @Override
  public Node merge(Node base, Node override) {
    SeqNode baseSeq = asSeq(base);
    SeqNode overrideSeq = asSeq(override);
    if (baseSeq != null && overrideSeq != null) {
      return append(baseSeq, overrideSeq);
    }
    if (MapRule.isNull(override)) {
      return base;
    }
    return alone(override);
  }

  @Override
  public Node alone(Node value) {
    if (!(value instanceof SeqNode seq)) {
      return Tags.apply(value);
    }
    Node applied = Tags.apply(seq);
    return itemKey == null ? applied : unique((SeqNode) applied, itemKey);
  }

  private SeqNode append(SeqNode base, SeqNode override) {
    var items = new ArrayList<Node>(base.size() + override.size());
    items.addAll(base.items());
    for (Node item : override.items()) {
      if (Tags.isReset(item)) {
        items.removeIf(earlier -> sameKey(earlier, item));
      } else {
        items.add(Tags.apply(item));
      }
    }
    SeqNode appended = Tags.untagged(base.withItems(items));
    return itemKey == null ? appended : unique(appended, itemKey);
  }

  private boolean sameKey(Node earlier, Node reset) {
    if (itemKey == null) {
      return Objects.equals(earlier.toPlain(), reset.toPlain());
    }
    return itemKey.of(earlier).equals(itemKey.of(reset));
  }

  private SeqNode asSeq(Node node) {
    if (node instanceof SeqNode seq) {
      return seq;
    }
    if (acceptsString && node instanceof ScalarNode scalar && scalar.isString()) {
      return SeqNode.of(List.of(Tags.untagged(scalar)), scalar.position());
    }
    return null;
  }

  /** {@code seq} with each later item replacing, in place, an earlier one with the same key. */
  static SeqNode unique(SeqNode seq, ItemKey itemKey) {
    var indexByKey = new HashMap<String, Integer>();
    var items = new ArrayList<Node>(seq.size());
    boolean changed = false;
    for (Node item : seq.items()) {
      Integer earlier = indexByKey.putIfAbsent(itemKey.of(item), items.size());
      if (earlier == null) {
        items.add(item);
      } else {
        items.set(earlier, item);
        changed = true;
      }
    }
    return changed ? seq.withItems(items) : seq;
  }
}
