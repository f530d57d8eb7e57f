package io.jcompose.planner.label;

import java.util.Optional;

/** The names docker compose gives containers (compose-inventory.md §5.3). */
public final class Names {

  private Names() {}

  /**
   * {@code <project>-<service>-<n>}, or the service's {@code container_name} (which allows one
   * replica).
   */
  public static String container(
      String projectName, String serviceName, Optional<String> containerName, int number) {
    if (number < 1) {
      throw new IllegalArgumentException("replica numbers start at 1, not " + number);
    }
    return containerName.orElse(projectName + "-" + serviceName + "-" + number);
  }

  /** {@code <project>-<service>-run-<12 hex>} for a one-off {@code run} container. */
  public static String oneOff(String projectName, String serviceName, String slug) {
    return projectName + "-" + serviceName + "-run-" + slug.substring(0, 12);
  }

  /** The name a replacement carries until the container it replaces is gone. */
  public static String replacement(String oldContainerId, String finalName) {
    return oldContainerId.substring(0, Math.min(12, oldContainerId.length())) + "_" + finalName;
  }
}
