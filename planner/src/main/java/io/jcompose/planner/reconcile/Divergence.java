package io.jcompose.planner.reconcile;

import io.jcompose.model.project.MountSpec;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.Volume;
import io.jcompose.planner.observe.ObservedContainer;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.spi.NetworkSummary;
import java.util.Optional;
import java.util.Set;

/**
 * Why an existing container no longer matches its service (compose-inventory.md §4.3), as the cause
 * a plan prints; empty when it still matches.
 */
final class Divergence {

  private final Project project;
  private final ObservedState observed;

  Divergence(Project project, ObservedState observed) {
    this.project = project;
    this.observed = observed;
  }

  /**
   * @param recreatedParents namespace or volumes_from parents of the service that this plan
   *     recreates
   * @param imageId the ID of the service's image as it is now, if present
   * @param forcedBy the flag that forces a recreate ({@code --force-recreate}), if any
   */
  Optional<String> of(
      ObservedContainer container,
      Service service,
      Set<String> recreatedParents,
      Optional<String> imageId,
      Optional<String> forcedBy) {
    if (forcedBy.isPresent()) {
      return forcedBy;
    }
    for (String parent : recreatedParents) {
      return Optional.of("shares namespaces or volumes with " + parent + ", which is recreated");
    }
    if (!container.configHash().equals(service.configHash())) {
      String changed =
          container
              .configJson()
              .map(before -> ConfigDiff.describe(before, service.config().json()))
              .orElse("");
      if (!changed.isEmpty()) {
        return Optional.of(changed);
      }
      return Optional.of(
          "configuration changed (config hash "
              + shortHash(container.configHash())
              + " -> "
              + shortHash(service.configHash())
              + ")");
    }
    if (container.imageLabel().isPresent()
        && imageId.isPresent()
        && !container.imageLabel().get().equals(imageId.get())) {
      return Optional.of(
          "image "
              + service.imageName(project.name())
              + " changed ("
              + shortId(container.imageLabel().get())
              + " -> "
              + shortId(imageId.get())
              + ")");
    }
    if (container.isRunning() && service.networking().networkMode().isEmpty()) {
      for (String networkKey : service.networking().networks().keySet()) {
        String networkName = networkName(networkKey);
        NetworkSummary network = observed.networks().get(networkKey);
        if (network == null || !network.id().equals(container.networks().get(networkName))) {
          return Optional.of("not connected to network " + networkName);
        }
      }
    }
    for (MountSpec mount : service.volumes()) {
      if (mount.type() == MountSpec.Type.VOLUME && mount.source().isPresent()) {
        String volumeName = volumeName(mount.source().get());
        if (!container.mountsVolume(volumeName)) {
          return Optional.of("does not mount volume " + volumeName);
        }
      }
    }
    return Optional.empty();
  }

  private String networkName(String networkKey) {
    var network = project.networks().get(networkKey);
    return network == null ? networkKey : network.name();
  }

  private String volumeName(String volumeKey) {
    Volume volume = project.volumes().get(volumeKey);
    return volume == null ? volumeKey : volume.name();
  }

  static String shortHash(String hash) {
    return hash.isEmpty() ? "none" : hash.substring(0, Math.min(12, hash.length()));
  }

  static String shortId(String imageId) {
    String hex = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
    return hex.substring(0, Math.min(12, hex.length()));
  }
}
