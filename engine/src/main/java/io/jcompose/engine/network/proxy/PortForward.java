package io.jcompose.engine.network.proxy;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What one proxied port does: accept on {@code listen} (port 0: one the kernel picks) and relay to
 * {@code target}.
 */
public record PortForward(Protocol protocol, InetSocketAddress listen, InetSocketAddress target) {
  public PortForward {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(target, "target");
    if (listen.isUnresolved() || target.isUnresolved()) {
      throw new IllegalArgumentException(
          "proxy addresses must be IP addresses: " + listen + " -> " + target);
    }
  }
}
