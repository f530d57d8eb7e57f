package io.jcompose.planner.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One container as a listing shows it.
 *
 * @param name the name without Docker's leading slash
 * @param imageId the ID of the image the container runs ({@code sha256:...})
 * @param exitCode the last exit code of an exited container (the engine lists it in the status
 *     text, {@code Exited (0) 5 minutes ago}); empty while it has not exited
 * @param networks network name to network ID, for the networks the container is attached to
 * @param mounts the container's mounts
 */
public record ContainerSummary(
    String id,
    String name,
    String image,
    String imageId,
    Map<String, String> labels,
    ContainerStatus status,
    Optional<Integer> exitCode,
    Map<String, String> networks,
    List<MountPoint> mounts) {

  public ContainerSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(imageId, "imageId");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(exitCode, "exitCode");
    networks = Map.copyOf(networks);
    mounts = List.copyOf(mounts);
  }

  public String label(String key) {
    return labels.get(key);
  }

  /**
   * @param name the volume name for a volume mount, else empty
   * @param source the host path (bind) or the volume's directory
   */
  public record MountPoint(
      ContainerSpec.Mount.Type type, String name, String source, String destination) {
    public MountPoint {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
    }
  }
}
