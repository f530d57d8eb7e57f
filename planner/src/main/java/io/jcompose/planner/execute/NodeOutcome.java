package io.jcompose.planner.execute;

/** How a node's run ended. */
enum NodeOutcome {
  SUCCEEDED,
  FAILED,
  SKIPPED
}
