package io.jcompose.planner.plan;

import io.jcompose.planner.spi.ImageBuild;
import java.util.Objects;

/**
 * @param imageName the reference the built image is tagged with
 */
public record BuildImage(String serviceName, String imageName, ImageBuild build)
    implements Operation {

  public BuildImage {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(imageName, "imageName");
    Objects.requireNonNull(build, "build");
  }

  @Override
  public String resource() {
    return "image " + imageName;
  }

  @Override
  public String action() {
    return "build";
  }
}
