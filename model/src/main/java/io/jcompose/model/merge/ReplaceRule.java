package io.jcompose.model.merge;

import io.jcompose.schema.node.Node;

/**
 * The later value replaces the inherited one, whatever its kind: {@code command}, {@code
 * entrypoint}, {@code healthcheck.test}, {@code ulimits.<name>}.
 */
final class ReplaceRule implements MergeRule {

  static final ReplaceRule INSTANCE = new ReplaceRule();

  private ReplaceRule() {}

  @Override
  public Node merge(Node base, Node override) {
    return Tags.apply(override);
  }
}
