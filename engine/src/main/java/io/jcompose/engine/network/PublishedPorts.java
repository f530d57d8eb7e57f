package io.jcompose.engine.network;

import io.jcompose.engine.network.proxy.PortForward;
import io.jcompose.engine.network.proxy.PortProxy;
import io.jcompose.engine.network.proxy.ProxiedPort;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiConsumer;

/** The containers' published ports, each an open port of the userland proxy. */
final class PublishedPorts implements AutoCloseable {

  private final PortProxy proxy;
  private final Map<String, List<ProxiedPort>> byContainer = new HashMap<>();

  PublishedPorts(ThreadFactory threads, Clock clock) {
    this.proxy = new PortProxy(threads, clock);
  }

  /**
   * Opens all the bindings towards {@code target}, or none: a failure closes what this call opened
   * and is thrown.
   *
   * @return the bindings with the host ports actually bound
   */
  List<PortBinding> open(String containerId, List<PortBinding> bindings, Cidr target) {
    var opened = new ArrayList<ProxiedPort>();
    var published = new ArrayList<PortBinding>();
    try {
      for (PortBinding binding : bindings) {
        ProxiedPort port = open(binding, target);
        opened.add(port);
        published.add(
            new PortBinding(
                binding.containerPort(),
                binding.protocol(),
                binding.hostIp(),
                port.address().getPort()));
      }
    } catch (RuntimeException e) {
      opened.forEach(ProxiedPort::close);
      throw e;
    }
    byContainer.computeIfAbsent(containerId, any -> new ArrayList<>()).addAll(opened);
    return List.copyOf(published);
  }

  /** Opens what it can of a restarted engine's recorded bindings; the rest go to {@code failed}. */
  void restore(
      String containerId,
      List<PortBinding> bindings,
      Cidr target,
      BiConsumer<PortBinding, RuntimeException> failed) {
    for (PortBinding binding : bindings) {
      try {
        byContainer
            .computeIfAbsent(containerId, any -> new ArrayList<>())
            .add(open(binding, target));
      } catch (RuntimeException e) {
        failed.accept(binding, e);
      }
    }
  }

  boolean isOpen(String containerId) {
    return byContainer.containsKey(containerId);
  }

  void close(String containerId) {
    List<ProxiedPort> ports = byContainer.remove(containerId);
    if (ports != null) {
      ports.forEach(ProxiedPort::close);
    }
  }

  private ProxiedPort open(PortBinding binding, Cidr target) {
    return proxy.open(
        new PortForward(
            binding.protocol(),
            new InetSocketAddress(Cidr.parse(binding.hostIp()).inetAddress(), binding.hostPort()),
            new InetSocketAddress(target.inetAddress(), binding.containerPort())));
  }

  @Override
  public void close() {
    proxy.close();
    byContainer.clear();
  }
}
