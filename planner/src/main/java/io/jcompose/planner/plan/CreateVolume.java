package io.jcompose.planner.plan;

import io.jcompose.planner.spi.VolumeSpec;
import java.util.Objects;

public record CreateVolume(String volumeKey, VolumeSpec spec) implements Operation {

  public CreateVolume {
    Objects.requireNonNull(volumeKey, "volumeKey");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public String resource() {
    return "volume " + spec.name();
  }

  @Override
  public String action() {
    return "create";
  }

  @Override
  public String serviceName() {
    return "";
  }
}
