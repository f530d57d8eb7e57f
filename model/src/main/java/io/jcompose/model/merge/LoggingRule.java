package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import java.util.Objects;

/**
 * {@code logging}: merged key by key (options included) when both sides name the same driver or one
 * names none; a different driver replaces the whole inherited section.
 */
final class LoggingRule implements MergeRule {

  static final LoggingRule INSTANCE = new LoggingRule();

  private LoggingRule() {}

  @Override
  public Node merge(Node base, Node override) {
    if (base instanceof MapNode baseMap && override instanceof MapNode overrideMap) {
      Node baseDriver = baseMap.get("driver");
      Node overrideDriver = overrideMap.get("driver");
      if (baseDriver != null
          && overrideDriver != null
          && !Objects.equals(baseDriver.toPlain(), overrideDriver.toPlain())) {
        return alone(override);
      }
    }
    return GenericRule.INSTANCE.merge(base, override);
  }
}
