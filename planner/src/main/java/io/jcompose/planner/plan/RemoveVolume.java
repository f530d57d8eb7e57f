package io.jcompose.planner.plan;

import java.util.Objects;

public record RemoveVolume(String volumeKey, String volumeName) implements Operation {

  public RemoveVolume {
    Objects.requireNonNull(volumeKey, "volumeKey");
    Objects.requireNonNull(volumeName, "volumeName");
  }

  @Override
  public String resource() {
    return "volume " + volumeName;
  }

  @Override
  public String action() {
    return "remove";
  }

  @Override
  public String serviceName() {
    return "";
  }
}
