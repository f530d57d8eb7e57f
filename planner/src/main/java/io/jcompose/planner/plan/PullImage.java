package io.jcompose.planner.plan;

import java.util.Objects;
import java.util.Optional;

public record PullImage(String serviceName, String imageReference, Optional<String> platform)
    implements Operation {

  public PullImage {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(imageReference, "imageReference");
    Objects.requireNonNull(platform, "platform");
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
