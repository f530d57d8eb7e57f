package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code environment}, {@code labels}, {@code annotations}, {@code sysctls}, {@code build.args} and
 * the like, written either as a mapping or as a list of {@code KEY=VALUE} (or bare {@code KEY}).
 * Two mappings are merged as mappings; otherwise both sides become lists (a mapping's entries
 * sorted the way compose sorts them) and are appended, a later {@code KEY} replacing an earlier one
 * in place.
 */
final class KeyValueRule implements MergeRule {

  static final KeyValueRule INSTANCE = new KeyValueRule();

  private static final MapRule MAP = new MapRule(key -> ReplaceRule.INSTANCE);
  private static final SeqRule LIST = SeqRule.unique(ItemKey.KEY_BEFORE_EQUALS);

  private KeyValueRule() {}

  @Override
  public Node merge(Node base, Node override) {
    if (base instanceof MapNode && override instanceof MapNode) {
      return MAP.merge(base, override);
    }
    if (MapRule.isNull(override)) {
      return base;
    }
    SeqNode baseList = asList(base);
    SeqNode overrideList = asList(override);
    if (baseList == null || overrideList == null) {
      return alone(override);
    }
    return LIST.merge(baseList, overrideList);
  }

  @Override
  public Node alone(Node value) {
    return value instanceof SeqNode ? LIST.alone(value) : Tags.apply(value);
  }

  private static SeqNode asList(Node node) {
    if (node instanceof SeqNode seq) {
      return seq;
    }
    return node instanceof MapNode map ? toList(map) : null;
  }

  /**
   * The entries of {@code map} as {@code KEY=VALUE} strings (bare {@code KEY} for a null value, one
   * string per item for a list value), sorted. Each string is placed where its key was written and
   * keeps the value's {@code !reset} tag.
   */
  static SeqNode toList(MapNode map) {
    var items = new ArrayList<ScalarNode>();
    map.entries()
        .forEach(
            (key, value) -> {
              Tag tag = value.tag() == Tag.RESET ? Tag.RESET : Tag.NONE;
              var position = map.keyPosition(key);
              for (String text : texts(key, value)) {
                items.add(new ScalarNode(text, position, tag));
              }
            });
    items.sort(Comparator.comparing(ScalarNode::text));
    return new SeqNode(List.copyOf(items), map.position(), Tag.NONE);
  }

  private static List<String> texts(String key, Node value) {
    if (value instanceof ScalarNode scalar) {
      return List.of(scalar.isNull() ? key : key + "=" + scalar.text());
    }
    if (value instanceof SeqNode seq) {
      var texts = new ArrayList<String>(seq.size());
      for (Node item : seq.items()) {
        texts.add(key + "=" + (item instanceof ScalarNode s ? s.text() : item.toPlain()));
      }
      return texts;
    }
    return List.of(key + "=" + value.toPlain());
  }
}
