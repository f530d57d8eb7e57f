package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.Tag;
import java.util.LinkedHashMap;

/**
 * {@code depends_on}, service {@code networks} and {@code models}: a list of names or a mapping by
 * name. When both sides are present, a list becomes a mapping (each name getting a default value
 * written where the name was) and the two mappings are merged. A {@code !reset} name removes it.
 */
final class ListToMapRule implements MergeRule {

  /**
   * {@code depends_on}: a listed service is {@code {condition: service_started, required: true}}.
   */
  static final ListToMapRule DEPENDS_ON =
      new ListToMapRule(true, new MapRule(key -> GenericRule.INSTANCE));

  /** Service {@code networks}: a listed network has a null value. */
  static final ListToMapRule NETWORKS =
      new ListToMapRule(false, new MapRule(key -> ServiceRules.NETWORK_ATTACHMENT));

  /** Service {@code models}: a listed model has a null value. */
  static final ListToMapRule MODELS =
      new ListToMapRule(false, new MapRule(key -> GenericRule.INSTANCE));

  private final boolean dependencyDefaults;
  private final MapRule entries;

  private ListToMapRule(boolean dependencyDefaults, MapRule entries) {
    this.dependencyDefaults = dependencyDefaults;
    this.entries = entries;
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
    return entries.mergeMaps(baseMap, overrideMap);
  }

  @Override
  public Node alone(Node value) {
    return entries.alone(value);
  }

  private MapNode asMap(Node node) {
    if (node instanceof MapNode map) {
      return map;
    }
    if (!(node instanceof SeqNode seq)) {
      return null;
    }
    var values = new LinkedHashMap<String, Node>();
    var keyPositions = new LinkedHashMap<String, Position>();
    for (Node item : seq.items()) {
      if (!(item instanceof ScalarNode name) || name.isNull()) {
        return null;
      }
      Tag tag = item.tag() == Tag.RESET ? Tag.RESET : Tag.NONE;
      values.put(name.text(), valueFor(name.position(), tag));
      keyPositions.put(name.text(), name.position());
    }
    return new MapNode(values, keyPositions, seq.position(), Tag.NONE);
  }

  private Node valueFor(Position position, Tag tag) {
    if (!dependencyDefaults) {
      return new ScalarNode(null, position, tag);
    }
    var condition = ScalarNode.of("service_started", position);
    var required = ScalarNode.of(Boolean.TRUE, position);
    var defaults = new LinkedHashMap<String, Node>();
    defaults.put("condition", condition);
    defaults.put("required", required);
    return MapNode.of(defaults, position).withTag(tag);
  }
}
