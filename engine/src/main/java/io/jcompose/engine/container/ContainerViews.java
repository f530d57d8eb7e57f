package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import io.jcompose.engine.network.Endpoint;
import io.jcompose.engine.network.Network;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Builds {@link ContainerView}s: a container and its live endpoints, ports, networks, sizes. */
final class ContainerViews {

  private final ContainerSubsystems parts;
  private final HealthMonitor health;

  ContainerViews(ContainerSubsystems parts, HealthMonitor health) {
    this.parts = parts;
    this.health = health;
  }

  /** The container with what the networks and the image store know of it now. */
  ContainerView of(Container container, boolean size) {
    String id = container.id();
    List<Endpoint> endpoints = parts.networks().endpointsOf(id);
    var networks = new HashMap<String, Network>();
    for (NetworkAttachment attachment : container.networks()) {
      try {
        Network network = parts.networks().inspect(attachment.networkId());
        networks.put(network.id(), network);
      } catch (EngineFault.NotFound e) {
        // removed since; inspect leaves it out
      }
    }
    OptionalLong sizeRw = OptionalLong.empty();
    OptionalLong sizeRootFs = OptionalLong.empty();
    if (size) {
      long upper = DirectoryTree.size(parts.directoryOf(id).path().resolve("upper"));
      sizeRw = OptionalLong.of(upper);
      long image =
          parts.images().find(container.imageId().toString()).map(each -> each.size()).orElse(0L);
      sizeRootFs = OptionalLong.of(upper + image);
    }
    return new ContainerView(
        container,
        endpoints,
        container.isRunning() ? parts.networks().published(id) : List.of(),
        networks,
        parts.networks().namespacePath(id),
        parts.directoryOf(id).path(),
        sizeRw,
        sizeRootFs,
        HealthMonitor.checks(container) && container.state().startedAt().isPresent()
            ? health.healthOf(id)
            : Optional.empty());
  }
}
