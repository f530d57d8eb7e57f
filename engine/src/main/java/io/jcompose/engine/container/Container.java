package io.jcompose.engine.container;

import io.jcompose.engine.digest.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A container as the engine keeps it: its identity, its merged configuration, the mounts and
 * networks resolved at create, and its state. Immutable; the registry swaps whole values.
 *
 * @param name without docker's leading slash
 * @param imageId the image it was created from
 * @param layers that image's layers (diff_ids, bottom first): its rootfs stacks them
 * @param networks the networks it joins while running, in order
 */
public record Container(
    String id,
    String name,
    Instant created,
    Digest imageId,
    List<Digest> layers,
    ContainerConfig config,
    HostSettings host,
    List<MountPoint> mounts,
    List<NetworkAttachment> networks,
    ContainerState state) {

  public Container {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(imageId, "imageId");
    layers = List.copyOf(layers);
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(host, "host");
    mounts = List.copyOf(mounts);
    networks = List.copyOf(networks);
    Objects.requireNonNull(state, "state");
  }

  /** The first 12 hex digits of the id. */
  public String shortId() {
    return id.substring(0, 12);
  }

  public boolean isRunning() {
    return state.isRunning();
  }

  /** The attachment for a network, by its id. */
  public Optional<NetworkAttachment> attachment(String networkId) {
    return networks.stream().filter(each -> each.networkId().equals(networkId)).findFirst();
  }

  public Container withState(ContainerState newState) {
    return new Container(
        id, name, created, imageId, layers, config, host, mounts, networks, newState);
  }

  public Container withState(UnaryOperator<ContainerState> change) {
    return withState(change.apply(state));
  }

  public Container withName(String newName) {
    return new Container(
        id, newName, created, imageId, layers, config, host, mounts, networks, state);
  }

  public Container withNetworks(List<NetworkAttachment> newNetworks) {
    return new Container(
        id, name, created, imageId, layers, config, host, mounts, newNetworks, state);
  }
}
