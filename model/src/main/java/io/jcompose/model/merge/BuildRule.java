package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;

/**
 * {@code build}: a string is the short form of {@code {context: STRING}}; both sides are unified to
 * mappings and merged, with the rules of the keys inside a build section.
 */
final class BuildRule implements MergeRule {

  static final BuildRule INSTANCE = new BuildRule();

  private static final MapRule SECTION = new MapRule(BuildRule::forKey);
  private static final SeqRule TAGS = SeqRule.unique(ItemKey.VALUE);

  private BuildRule() {}

  private static MergeRule forKey(String key) {
    return switch (key) {
      case "args", "labels", "additional_contexts" -> KeyValueRule.INSTANCE;
      case "extra_hosts" -> ExtraHostsRule.INSTANCE;
      case "tags" -> TAGS;
      default -> GenericRule.INSTANCE;
    };
  }

  @Override
  public Node merge(Node base, Node override) {
    if (MapRule.isNull(override)) {
      return base;
    }
    MapNode baseMap = asMap(base);
    MapNode overrideMap = asMap(override);
    if (baseMap == null || overrideMap == null) {
      return alone(override);
    }
    return SECTION.mergeMaps(baseMap, overrideMap);
  }

  @Override
  public Node alone(Node value) {
    return SECTION.alone(value);
  }

  private static MapNode asMap(Node node) {
    if (node instanceof MapNode map) {
      return map;
    }
    if (node instanceof ScalarNode context && context.isString()) {
      return MapRule.single("context", Tags.untagged(context), context.position());
    }
    return null;
  }
}
