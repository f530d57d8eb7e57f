package io.jcompose.engine.network.proxy;

import java.net.InetSocketAddress;

/** A port the proxy listens on; {@link #close()} frees it and ends its connections. */
public final class ProxiedPort implements AutoCloseable {

  private final Protocol protocol;
  private final InetSocketAddress address;
  private final InetSocketAddress target;
  private final PortProxy proxy;
  private final Readiness listener;

  ProxiedPort(
      Protocol protocol,
      InetSocketAddress address,
      InetSocketAddress target,
      PortProxy proxy,
      Readiness listener) {
    this.protocol = protocol;
    this.address = address;
    this.target = target;
    this.proxy = proxy;
    this.listener = listener;
  }

  public Protocol protocol() {
    return protocol;
  }

  /** The address as asked for, with the port actually bound. */
  public InetSocketAddress address() {
    return address;
  }

  public InetSocketAddress target() {
    return target;
  }

  @Override
  public void close() {
    proxy.close(listener);
  }
}
