package io.jcompose.planner.reconcile;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code pull} asks on top of the file.
 *
 * @param policy {@code --policy missing|always} over every service's {@code pull_policy}; empty to
 *     follow each service's (pull unless it is {@code never}, {@code build}, or {@code missing}
 *     with the image present)
 * @param ignoreBuildable {@code --ignore-buildable}: skip services that have a build section
 * @param ignoreFailures {@code --ignore-pull-failures}: a failed pull is a warning
 */
public record PullOptions(
    Optional<String> policy, boolean ignoreBuildable, boolean ignoreFailures) {

  public PullOptions {
    Objects.requireNonNull(policy, "policy");
  }

  /** Each service's own policy, nothing skipped or ignored. */
  public static PullOptions defaults() {
    return new PullOptions(Optional.empty(), false, false);
  }
}
