package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.SeqNode;

/**
 * Compose's general rule: mappings merged key by key, sequences appended, scalars replaced by the
 * later value; a null override keeps the inherited value.
 */
final class GenericRule implements MergeRule {

  static final GenericRule INSTANCE = new GenericRule();

  /** Mappings whose every key follows the general rule. */
  static final MapRule MAP = new MapRule(key -> INSTANCE);

  private static final SeqRule SEQ = SeqRule.appending();

  private GenericRule() {}

  @Override
  public Node merge(Node base, Node override) {
    if (base instanceof MapNode && override instanceof MapNode) {
      return MAP.merge(base, override);
    }
    if (base instanceof SeqNode && override instanceof SeqNode) {
      return SEQ.merge(base, override);
    }
    if (MapRule.isNull(override)) {
      return base;
    }
    return Tags.apply(override);
  }
}
