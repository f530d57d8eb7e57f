package io.jcompose.engine.network;

import io.jcompose.engine.network.proxy.Protocol;
import java.util.Objects;

/**
 * A published port ({@code HostConfig.PortBindings}): {@code hostIp:hostPort} on the host to the
 * container's {@code containerPort}. Asked for with host port 0 (docker's empty {@code HostPort}),
 * it is answered with the port the kernel picked.
 *
 * @param hostIp an IPv4 literal; empty means all addresses ({@code 0.0.0.0})
 */
public record PortBinding(int containerPort, Protocol protocol, String hostIp, int hostPort) {

  public PortBinding {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(hostIp, "hostIp");
    hostIp = hostIp.isBlank() ? "0.0.0.0" : hostIp.strip();
    if (containerPort < 1 || containerPort > 65535) {
      throw new IllegalArgumentException("invalid container port " + containerPort);
    }
    if (hostPort < 0 || hostPort > 65535) {
      throw new IllegalArgumentException("invalid host port " + hostPort);
    }
    Cidr.parseAddress(hostIp, hostIp);
  }
}
