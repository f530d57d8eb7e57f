package io.jcompose.planner.spi;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * @param containerIds IDs of the containers attached
 */
public record NetworkSummary(
    String id, String name, String driver, Map<String, String> labels, Set<String> containerIds) {

  public NetworkSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(driver, "driver");
    labels = Map.copyOf(labels);
    containerIds = Set.copyOf(containerIds);
  }
}
