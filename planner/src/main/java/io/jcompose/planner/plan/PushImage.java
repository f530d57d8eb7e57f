package io.jcompose.planner.plan;

import java.util.Objects;

/**
 * Pushes one tag of a service's image to its registry.
 *
 * @param ignoreFailure {@code push --ignore-push-failures}: a failed push is reported as a warning
 *     and the plan goes on
 */
public record PushImage(String serviceName, String imageReference, boolean ignoreFailure)
    implements Operation {

  public PushImage {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(imageReference, "imageReference");
  }

  @Override
  public String resource() {
    return "image " + imageReference;
  }

  @Override
  public String action() {
    return "push";
  }
}
