package io.jcompose.planner.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A volume to create.
 *
 * @param driver empty for {@code local}
 */
public record VolumeSpec(
    String name,
    Optional<String> driver,
    Map<String, String> driverOptions,
    Map<String, String> labels) {

  public VolumeSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(driver, "driver");
    driverOptions = Map.copyOf(driverOptions);
    labels = Map.copyOf(labels);
  }

  public static VolumeSpec named(String name, Map<String, String> labels) {
    return new VolumeSpec(name, Optional.empty(), Map.of(), labels);
  }
}
