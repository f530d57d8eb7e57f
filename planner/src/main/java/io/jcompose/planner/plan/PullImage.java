package io.jcompose.planner.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * Pulls a service's image.
 *
 * @param ignoreFailure a failed pull is reported as a warning and the plan goes on (an image that
 *     can be built, {@code pull --ignore-pull-failures})
 */
public record PullImage(
    String serviceName, String imageReference, Optional<String> platform, boolean ignoreFailure)
    implements Operation {

  public PullImage {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(imageReference, "imageReference");
    Objects.requireNonNull(platform, "platform");
  }

  /** A pull whose failure fails the plan. */
  public PullImage(String serviceName, String imageReference, Optional<String> platform) {
    this(serviceName, imageReference, platform, false);
  }

  @Override
  public String resource() {
    return "image " + imageReference;
  }

  @Override
  public String action() {
    return "pull";
  }
}
