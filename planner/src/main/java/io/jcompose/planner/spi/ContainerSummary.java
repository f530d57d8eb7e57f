package io.jcompose.planner.spi;

import java.time.Instant;
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
 * @param listing what {@code ps} shows beyond the state (command, creation time, status text,
 *     ports); {@link Listing#UNKNOWN} where the runtime does not say
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
    List<MountPoint> mounts,
    Listing listing) {

  /** A summary without the listing details. */
  public ContainerSummary(
      String id,
      String name,
      String image,
      String imageId,
      Map<String, String> labels,
      ContainerStatus status,
      Optional<Integer> exitCode,
      Map<String, String> networks,
      List<MountPoint> mounts) {
    this(id, name, image, imageId, labels, status, exitCode, networks, mounts, Listing.UNKNOWN);
  }

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
    Objects.requireNonNull(listing, "listing");
  }

  /** This summary with the listing details. */
  public ContainerSummary withListing(Listing newListing) {
    return new ContainerSummary(
        id, name, image, imageId, labels, status, exitCode, networks, mounts, newListing);
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

  /**
   * What a listing shows of a container for people.
   *
   * @param command the command line as the engine quotes it ({@code "sh -c 'sleep 1'"})
   * @param created when the container was created
   * @param statusText the engine's status text ({@code Up 5 seconds}, {@code Exited (0) 2 minutes
   *     ago})
   * @param ports the container's ports, published or only exposed
   */
  public record Listing(
      String command, Optional<Instant> created, String statusText, List<Port> ports) {

    public static final Listing UNKNOWN = new Listing("", Optional.empty(), "", List.of());

    public Listing {
      Objects.requireNonNull(command, "command");
      Objects.requireNonNull(created, "created");
      Objects.requireNonNull(statusText, "statusText");
      ports = List.copyOf(ports);
    }
  }

  /**
   * One port of a container.
   *
   * @param hostIp the host address it is published on, empty when not published
   * @param hostPort the host port, 0 when not published
   * @param protocol {@code tcp}, {@code udp} or {@code sctp}
   */
  public record Port(String hostIp, int hostPort, int containerPort, String protocol) {
    public Port {
      Objects.requireNonNull(hostIp, "hostIp");
      Objects.requireNonNull(protocol, "protocol");
    }

    public boolean published() {
      return hostPort > 0;
    }
  }
}
