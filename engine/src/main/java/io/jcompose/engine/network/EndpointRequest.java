package io.jcompose.engine.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a container joins a network ({@code EndpointsConfig} / {@code POST /networks/{id}/connect}).
 *
 * @param containerName the name the network's DNS answers for it (without docker's leading slash)
 * @param aliases further DNS names on this network: the compose service name, network aliases
 * @param ipv4Address a fixed address, with or without a prefix length
 * @param macAddress a fixed MAC address ({@code 02:42:ac:11:00:02}); otherwise one is made
 */
public record EndpointRequest(
    String containerName,
    List<String> aliases,
    Optional<Cidr> ipv4Address,
    Optional<String> macAddress) {

  private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");

  public EndpointRequest {
    Objects.requireNonNull(containerName, "containerName");
    containerName = containerName.startsWith("/") ? containerName.substring(1) : containerName;
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(ipv4Address, "ipv4Address");
    Objects.requireNonNull(macAddress, "macAddress");
    if (macAddress.isPresent() && !MAC.matcher(macAddress.get()).matches()) {
      throw new IllegalArgumentException("invalid MAC address \"" + macAddress.get() + "\"");
    }
  }

  public static EndpointRequest named(String containerName, String... aliases) {
    return new EndpointRequest(containerName, List.of(aliases), Optional.empty(), Optional.empty());
  }

  public EndpointRequest withIpv4Address(Cidr address) {
    return new EndpointRequest(containerName, aliases, Optional.of(address), macAddress);
  }
}
