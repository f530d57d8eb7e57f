package io.jcompose.planner.spi;

import java.util.Map;
import java.util.Objects;

/**
 * @param mountpoint where the volume's data lives on the engine's host
 */
public record VolumeSummary(
    String name, String driver, Map<String, String> labels, String mountpoint) {

  public VolumeSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(driver, "driver");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(mountpoint, "mountpoint");
  }
}
