package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.network.Network;
import java.util.Objects;

/** {@code HostConfig.NetworkMode}, read. */
sealed interface NetworkMode {

  /** On a bridge network (the default {@code bridge} or a user network), by name or id. */
  record Bridged(String network) implements NetworkMode {
    public Bridged {
      Objects.requireNonNull(network, "network");
    }
  }

  /** In the host's network namespace. */
  record Host() implements NetworkMode {}

  /** In a namespace of its own with only loopback. */
  record None() implements NetworkMode {}

  /** In another container's namespace ({@code container:<id or name>}). */
  record Shared(String container) implements NetworkMode {
    public Shared {
      Objects.requireNonNull(container, "container");
    }
  }

  /**
   * @throws EngineFault.InvalidArgument for {@code container:} without a name
   */
  static NetworkMode parse(String mode) {
    if (mode.isEmpty() || mode.equals("default")) {
      return new Bridged(Network.DEFAULT_BRIDGE);
    }
    if (mode.equals(Network.HOST)) {
      return new Host();
    }
    if (mode.equals(Network.NONE)) {
      return new None();
    }
    if (mode.startsWith("container:")) {
      String container = mode.substring("container:".length());
      if (container.isEmpty()) {
        throw new EngineFault.InvalidArgument(
            "invalid network mode \"" + mode + "\": expected container:<name|id>");
      }
      return new Shared(container);
    }
    return new Bridged(mode);
  }

  /** Whether the container gets interfaces of its own on networks. */
  default boolean bridged() {
    return this instanceof Bridged;
  }
}
