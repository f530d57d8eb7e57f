package io.jcompose.planner.wait;

import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerSummary;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a container port is reached from jcompose: the published host port when the port is
 * published, else the container's IP address on one of its networks (which answers when jcompose
 * runs on the engine's host).
 */
record ProbeAddress(String host, int port) {

  static Optional<ProbeAddress> of(
      ContainerDetails container, int containerPort, String published) {
    ContainerDetails.Addresses addresses = container.addresses();
    Optional<ContainerSummary.Port> publishedPort = Optional.empty();
    for (ContainerSummary.Port port : addresses.ports()) {
      if (port.containerPort() == containerPort
          && port.published()
          && port.protocol().equals("tcp")
          && (publishedPort.isEmpty() || isIpv6(publishedPort.get().hostIp()))) {
        publishedPort = Optional.of(port);
      }
    }
    if (publishedPort.isPresent()) {
      String hostIp = publishedPort.get().hostIp();
      boolean wildcard = hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("::");
      String host = wildcard || !published.equals("127.0.0.1") ? published : hostIp;
      return Optional.of(new ProbeAddress(host, publishedPort.get().hostPort()));
    }
    return new TreeMap<>(addresses.ipAddresses())
        .values().stream().findFirst().map(ip -> new ProbeAddress(ip, containerPort));
  }

  private static boolean isIpv6(String hostIp) {
    return hostIp.contains(":");
  }
}
