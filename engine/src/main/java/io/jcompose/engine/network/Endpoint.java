package io.jcompose.engine.network;

import java.util.List;
import java.util.Objects;

/**
 * A container's interface on a network, as inspect reports it ({@code
 * NetworkSettings.Networks.<name>} and the network's {@code Containers}).
 *
 * @param interfaceName inside the container: {@code eth0}, {@code eth1}...
 * @param address the container's address with the subnet's prefix length
 * @param gateway the bridge's address
 * @param dnsNames what the network's DNS answers with this address: container name, aliases, short
 *     id (empty on the default bridge, which, as docker's, resolves no container names)
 */
public record Endpoint(
    String endpointId,
    String containerId,
    String containerName,
    String networkId,
    String networkName,
    String interfaceName,
    Cidr address,
    Cidr gateway,
    String macAddress,
    List<String> aliases,
    List<String> dnsNames) {

  public Endpoint {
    Objects.requireNonNull(endpointId, "endpointId");
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(networkId, "networkId");
    Objects.requireNonNull(networkName, "networkName");
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(macAddress, "macAddress");
    aliases = List.copyOf(aliases);
    dnsNames = List.copyOf(dnsNames);
  }
}
