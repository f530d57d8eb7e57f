package io.jcompose.planner.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How a container joins one network: its DNS aliases and fixed addresses. */
public record EndpointSpec(
    List<String> aliases, Optional<String> ipv4Address, Optional<String> ipv6Address) {

  public EndpointSpec {
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(ipv4Address, "ipv4Address");
    Objects.requireNonNull(ipv6Address, "ipv6Address");
  }

  public static EndpointSpec aliases(List<String> aliases) {
    return new EndpointSpec(aliases, Optional.empty(), Optional.empty());
  }
}
