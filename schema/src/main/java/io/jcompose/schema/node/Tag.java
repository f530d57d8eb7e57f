package io.jcompose.schema.node;

/** The compose-specific YAML tags a node may carry. */
public enum Tag {
  NONE,
  /** {@code !reset}: remove the value inherited from an earlier file or an extended service. */
  RESET,
  /** {@code !override}: replace the inherited value wholesale instead of merging into it. */
  OVERRIDE
}
