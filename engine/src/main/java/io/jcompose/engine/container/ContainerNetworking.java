package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /networks/{id}/connect} and {@code /disconnect} for containers: the container's
 * record gains or loses the attachment, and a running container is plugged in or out at once (a
 * created one joins its networks when it starts).
 */
final class ContainerNetworking {

  private static final String HOST_MODE_MESSAGE =
      "container cannot be disconnected from host network or connected to host network";
  private static final String SHARED_MODE_MESSAGE =
      "container sharing network namespace with another container or host cannot be connected to"
          + " any other network";

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ContainerEvents events;

  ContainerNetworking(
      ContainerSubsystems parts, ContainerRegistry registry, ContainerEvents events) {
    this.parts = parts;
    this.registry = registry;
    this.events = events;
  }

  void connect(
      String networkReference,
      String containerReference,
      List<String> aliases,
      Optional<String> ipv4Address) {
    ContainerEntry entry = registry.resolve(containerReference);
    Network network = parts.networks().inspect(networkReference);
    entry.lock().lock();
    try {
      Container container = entry.current();
      NetworkMode mode = NetworkMode.parse(container.host().networking().networkMode());
      if (!network.driver().equals("bridge")) {
        throw new EngineFault.Forbidden(HOST_MODE_MESSAGE);
      }
      if (!mode.bridged()) {
        throw new EngineFault.Forbidden(SHARED_MODE_MESSAGE);
      }
      if (container.attachment(network.id()).isPresent()) {
        throw new EngineFault.Forbidden(
            "endpoint with name "
                + container.name()
                + " already exists in network "
                + network.name());
      }
      var attachment = new NetworkAttachment(network.id(), aliases, ipv4Address.orElse(""), "");
      if (container.isRunning()) {
        parts
            .networks()
            .connect(container.id(), network.id(), attachment.request(container.name()));
        events.network("connect", network, container.id());
      }
      var networks = new ArrayList<>(container.networks());
      networks.add(attachment);
      registry.save(entry, container.withNetworks(networks));
    } finally {
      entry.lock().unlock();
    }
  }

  void disconnect(String networkReference, String containerReference, boolean force) {
    Optional<ContainerEntry> found = registry.find(containerReference);
    if (found.isEmpty()) {
      if (force) {
        return;
      }
      throw new EngineFault.NotFound("No such container: " + containerReference);
    }
    ContainerEntry entry = found.get();
    Network network = parts.networks().inspect(networkReference);
    entry.lock().lock();
    try {
      Container container = entry.current();
      if (!network.driver().equals("bridge")) {
        throw new EngineFault.Forbidden(HOST_MODE_MESSAGE);
      }
      if (container.attachment(network.id()).isEmpty()) {
        throw new EngineFault.Forbidden(
            "container " + container.id() + " is not connected to network " + network.name());
      }
      if (container.isRunning()
          && parts.networks().endpointsOf(container.id()).stream()
              .anyMatch(endpoint -> endpoint.networkId().equals(network.id()))) {
        parts.networks().disconnect(container.id(), network.id());
        events.network("disconnect", network, container.id());
      }
      var networks = new ArrayList<>(container.networks());
      networks.removeIf(each -> each.networkId().equals(network.id()));
      registry.save(entry, container.withNetworks(networks));
    } finally {
      entry.lock().unlock();
    }
  }
}
