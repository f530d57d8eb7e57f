package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.network.Cidr;
import io.jcompose.engine.network.EndpointRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network the container is to be on while it runs ({@code EndpointsConfig}, or a {@code connect}
 * before start): it is plugged in at each start and out at each stop.
 *
 * @param networkId the network's full id
 * @param aliases further DNS names on that network
 * @param ipv4Address a fixed address, or empty
 * @param macAddress a fixed MAC address, or empty
 */
public record NetworkAttachment(
    String networkId, List<String> aliases, String ipv4Address, String macAddress) {

  public NetworkAttachment {
    Objects.requireNonNull(networkId, "networkId");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(ipv4Address, "ipv4Address");
    Objects.requireNonNull(macAddress, "macAddress");
  }

  /**
   * How the container named {@code containerName} joins the network.
   *
   * @throws EngineFault.InvalidArgument for a malformed address
   */
  EndpointRequest request(String containerName) {
    try {
      return new EndpointRequest(
          containerName,
          aliases,
          ipv4Address.isEmpty() ? Optional.empty() : Optional.of(Cidr.parse(ipv4Address)),
          macAddress.isEmpty() ? Optional.empty() : Optional.of(macAddress));
    } catch (IllegalArgumentException e) {
      throw new EngineFault.InvalidArgument(e.getMessage(), e);
    }
  }
}
