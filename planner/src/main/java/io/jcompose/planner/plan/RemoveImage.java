package io.jcompose.planner.plan;

import java.util.Objects;

public record RemoveImage(String serviceName, String imageReference) implements Operation {

  public RemoveImage {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(imageReference, "imageReference");
  }

  @Override
  public String resource() {
    return "image " + imageReference;
  }

  @Override
  public String action() {
    return "remove";
  }
}
