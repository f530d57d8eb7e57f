package io.jcompose.engine.network;

/** Where a network's DNS server listens. */
public sealed interface NameServerPlacement {

  /**
   * On the network's gateway address (the bridge's), where containers' {@code resolv.conf} points;
   * the production placement, which needs the bridge in the engine's own namespace.
   */
  record OnGateway(int port) implements NameServerPlacement {
    public OnGateway {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1 to 65535, got " + port);
      }
    }
  }

  /**
   * On 127.0.0.1 at a port the kernel picks: for an engine whose bridges live in another namespace
   * (tests), whose gateways the engine's sockets cannot bind. {@link Networks#nameServerAddress}
   * tells where each one ended up.
   */
  record OnLoopback() implements NameServerPlacement {}
}
