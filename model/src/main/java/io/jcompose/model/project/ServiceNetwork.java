package io.jcompose.model.project;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How a service joins one network. Higher {@code priority} is connected first. */
public record ServiceNetwork(
    List<String> aliases,
    Optional<String> ipv4Address,
    Optional<String> ipv6Address,
    int priority) {

  public static final ServiceNetwork DEFAULT =
      new ServiceNetwork(List.of(), Optional.empty(), Optional.empty(), 0);

  public ServiceNetwork {
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(ipv4Address, "ipv4Address");
    Objects.requireNonNull(ipv6Address, "ipv6Address");
    if (ipv4Address.isPresent() && !IpAddresses.isIpv4(ipv4Address.get())) {
      throw new IllegalArgumentException("ipv4_address \"" + ipv4Address.get() + "\" is not IPv4");
    }
    if (ipv6Address.isPresent() && !IpAddresses.isIpv6(ipv6Address.get())) {
      throw new IllegalArgumentException("ipv6_address \"" + ipv6Address.get() + "\" is not IPv6");
    }
  }
}
