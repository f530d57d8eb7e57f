package io.jcompose.model.merge;

import io.jcompose.schema.node.Node;

/**
 * How the value found under one key of a compose document is merged with the value a later file (or
 * an extending service) gives for the same key. The override's own {@code !reset} and {@code
 * !override} tags are handled by the enclosing mapping before a rule is asked.
 */
interface MergeRule {

  /** The merged value of {@code base} (already free of tags) and {@code override}. */
  Node merge(Node base, Node override);

  /**
   * A value that has nothing to merge with: tags applied and keyed lists made unique. By default
   * only the tags.
   */
  default Node alone(Node value) {
    return Tags.apply(value);
  }
}
