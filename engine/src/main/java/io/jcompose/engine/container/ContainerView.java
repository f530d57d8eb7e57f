package io.jcompose.engine.container;

import io.jcompose.engine.network.Endpoint;
import io.jcompose.engine.network.Network;
import io.jcompose.engine.network.PortBinding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A container with what the rest of the engine knows of it right now, for inspect and list: its
 * live endpoints and bound ports, the networks it names, its files.
 *
 * @param networks the networks of its attachments, by id (a network removed since is missing)
 * @param sandboxKey its network namespace, while it has one
 * @param sizeRw bytes in its rootfs's upper dir, when asked for
 * @param sizeRootFs that plus its image's size, when asked for
 * @param health its healthcheck's results, for a container with one that has run
 */
public record ContainerView(
    Container container,
    List<Endpoint> endpoints,
    List<PortBinding> published,
    Map<String, Network> networks,
    Optional<Path> sandboxKey,
    Path directory,
    OptionalLong sizeRw,
    OptionalLong sizeRootFs,
    Optional<HealthMonitor.Health> health) {

  public ContainerView {
    Objects.requireNonNull(container, "container");
    endpoints = List.copyOf(endpoints);
    published = List.copyOf(published);
    networks = Map.copyOf(networks);
    Objects.requireNonNull(sandboxKey, "sandboxKey");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(sizeRw, "sizeRw");
    Objects.requireNonNull(sizeRootFs, "sizeRootFs");
    Objects.requireNonNull(health, "health");
  }

  /** The live endpoint on a network, by the network's id. */
  public Optional<Endpoint> endpoint(String networkId) {
    return endpoints.stream().filter(each -> each.networkId().equals(networkId)).findFirst();
  }
}
