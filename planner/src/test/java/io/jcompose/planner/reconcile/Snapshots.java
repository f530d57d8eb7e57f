package io.jcompose.planner.reconcile;

import io.jcompose.model.project.MountSpec;
import io.jcompose.model.project.Network;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.Volume;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.label.Names;
import io.jcompose.planner.observe.ObservedContainer;
import io.jcompose.planner.observe.ObservedState;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ImageSummary;
import io.jcompose.planner.spi.NetworkSummary;
import io.jcompose.planner.spi.VolumeSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Observed states for reconcile tests: what an {@code up} of a project leaves behind, with stable
 * IDs derived from names, and edits of it.
 */
final class Snapshots {

  private Snapshots() {}

  /** Everything of {@code project} created and running, as a completed {@code up} leaves it. */
  static ObservedState after(Project project) {
    var networks = new LinkedHashMap<String, NetworkSummary>();
    for (Network network : project.networks().values()) {
      networks.put(
          network.key(),
          new NetworkSummary(
              id("network " + network.name()),
              network.name(),
              "bridge",
              Map.of(Labels.PROJECT, project.name(), Labels.NETWORK, network.key()),
              Set.of()));
    }
    var volumes = new LinkedHashMap<String, VolumeSummary>();
    for (Volume volume : project.volumes().values()) {
      volumes.put(
          volume.key(),
          new VolumeSummary(
              volume.name(),
              "local",
              Map.of(Labels.PROJECT, project.name(), Labels.VOLUME, volume.key()),
              "/var/lib/docker/volumes/" + volume.name() + "/_data"));
    }
    var images = new LinkedHashMap<String, ImageSummary>();
    var containers = new ArrayList<ObservedContainer>();
    for (Service service : project.services().values()) {
      String reference = service.imageName(project.name());
      images.put(reference, image(reference));
      for (int number = 1; number <= service.scale(); number++) {
        containers.add(container(project, service, number, images.get(reference).id()));
      }
    }
    return new ObservedState(containers, networks, volumes, images);
  }

  static ObservedContainer container(Project project, Service service, int number, String imageId) {
    String name = Names.container(project.name(), service.name(), service.containerName(), number);
    var networks = new LinkedHashMap<String, String>();
    for (String key : service.networking().networks().keySet()) {
      String networkName = project.networks().get(key).name();
      networks.put(networkName, id("network " + networkName));
    }
    var mounts = new LinkedHashMap<String, String>();
    for (MountSpec mount : service.volumes()) {
      if (mount.type() == MountSpec.Type.VOLUME) {
        mounts.put(
            mount.target(),
            mount
                .source()
                .map(key -> project.volumes().get(key).name())
                .orElse(id("anonymous " + name + mount.target())));
      }
    }
    return new ObservedContainer(
        id("container " + name),
        name,
        service.name(),
        number,
        false,
        service.configHash(),
        Optional.of(service.config().json()),
        Optional.of(imageId),
        ContainerStatus.RUNNING,
        Optional.empty(),
        networks,
        mounts);
  }

  /** A {@code run} container of a service. */
  static ObservedContainer oneOff(
      Project project, String serviceName, String slug, ContainerStatus status) {
    Service service = project.service(serviceName);
    String name = Names.oneOff(project.name(), serviceName, slug);
    return new ObservedContainer(
        id("container " + name),
        name,
        serviceName,
        0,
        true,
        service.configHash(),
        Optional.of(service.config().json()),
        Optional.of(image(service.imageName(project.name())).id()),
        status,
        status == ContainerStatus.EXITED ? Optional.of(0) : Optional.empty(),
        Map.of(),
        Map.of());
  }

  static ImageSummary image(String reference) {
    return new ImageSummary("sha256:" + id("image " + reference), List.of(reference), Map.of());
  }

  /** The same state with one container changed. */
  static ObservedState editContainer(
      ObservedState state, String containerName, UnaryOperator<ObservedContainer> edit) {
    var containers = new ArrayList<ObservedContainer>();
    for (ObservedContainer container : state.containers()) {
      containers.add(container.name().equals(containerName) ? edit.apply(container) : container);
    }
    return new ObservedState(containers, state.networks(), state.volumes(), state.images());
  }

  static ObservedContainer withStatus(ObservedContainer container, ContainerStatus status) {
    return new ObservedContainer(
        container.id(),
        container.name(),
        container.serviceName(),
        container.number(),
        container.oneOff(),
        container.configHash(),
        container.configJson(),
        container.imageLabel(),
        status,
        status == ContainerStatus.EXITED ? Optional.of(0) : Optional.empty(),
        container.networks(),
        container.volumeMounts());
  }

  /** Two states' containers, networks, volumes and images together (the first wins on a clash). */
  static ObservedState union(ObservedState first, ObservedState second) {
    var containers = new ArrayList<>(first.containers());
    second
        .containers()
        .forEach(
            container -> {
              if (containers.stream().noneMatch(known -> known.name().equals(container.name()))) {
                containers.add(container);
              }
            });
    var networks = new LinkedHashMap<>(second.networks());
    networks.putAll(first.networks());
    var volumes = new LinkedHashMap<>(second.volumes());
    volumes.putAll(first.volumes());
    var images = new LinkedHashMap<>(second.images());
    images.putAll(first.images());
    return new ObservedState(containers, networks, volumes, images);
  }

  static String id(String seed) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
