package io.jcompose.planner.observe;

import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A project container with its compose labels read once.
 *
 * @param number the replica number; 0 for a one-off container or an unreadable label
 * @param configJson jcompose's record of the configuration it was created with, when jcompose
 *     created it
 * @param imageLabel the {@code com.docker.compose.image} label: the image ID it was created from
 * @param networks network name to network ID
 * @param volumeMounts mount destination to volume name, for every volume it mounts (named and
 *     anonymous)
 */
public record ObservedContainer(
    String id,
    String name,
    String serviceName,
    int number,
    boolean oneOff,
    String configHash,
    Optional<String> configJson,
    Optional<String> imageLabel,
    ContainerStatus status,
    Optional<Integer> exitCode,
    Map<String, String> networks,
    Map<String, String> volumeMounts) {

  public ObservedContainer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(configHash, "configHash");
    Objects.requireNonNull(configJson, "configJson");
    Objects.requireNonNull(imageLabel, "imageLabel");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(exitCode, "exitCode");
    networks = Map.copyOf(networks);
    volumeMounts = Map.copyOf(volumeMounts);
  }

  public static ObservedContainer from(ContainerSummary summary) {
    var volumeMounts = new LinkedHashMap<String, String>();
    for (ContainerSummary.MountPoint mount : summary.mounts()) {
      if (mount.type() == ContainerSpec.Mount.Type.VOLUME && !mount.name().isEmpty()) {
        volumeMounts.put(mount.destination(), mount.name());
      }
    }
    return new ObservedContainer(
        summary.id(),
        summary.name(),
        Objects.requireNonNullElse(summary.label(Labels.SERVICE), ""),
        number(summary.label(Labels.CONTAINER_NUMBER)),
        Labels.TRUE.equals(summary.label(Labels.ONEOFF)),
        Objects.requireNonNullElse(summary.label(Labels.CONFIG_HASH), ""),
        Optional.ofNullable(summary.label(Labels.CONFIG)),
        Optional.ofNullable(summary.label(Labels.IMAGE)),
        summary.status(),
        summary.exitCode(),
        summary.networks(),
        volumeMounts);
  }

  /** Whether it mounts a volume of that name anywhere. */
  public boolean mountsVolume(String volumeName) {
    return volumeMounts.containsValue(volumeName);
  }

  /** Exited with code 0: a one-shot service that did its work. */
  public boolean completedSuccessfully() {
    return status == ContainerStatus.EXITED && exitCode.orElse(-1) == 0;
  }

  public boolean isRunning() {
    return status == ContainerStatus.RUNNING || status == ContainerStatus.RESTARTING;
  }

  private static int number(String label) {
    if (label == null) {
      return 0;
    }
    try {
      return Integer.parseInt(label);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
