package io.jcompose.engine.network;

import java.util.Objects;
import java.util.Optional;

/**
 * What a network create asked for ({@code IPAM.Config[0]} of the Docker API); every part may be
 * left to the engine.
 *
 * @param subnet the network's subnet; without it one is taken from the pool
 * @param gateway the bridge's address; without it the subnet's first host
 * @param ipRange where containers' dynamic addresses are taken from; without it the whole subnet
 */
public record IpamConfig(Optional<Cidr> subnet, Optional<Cidr> gateway, Optional<Cidr> ipRange) {

  public IpamConfig {
    Objects.requireNonNull(subnet, "subnet");
    Objects.requireNonNull(gateway, "gateway");
    Objects.requireNonNull(ipRange, "ipRange");
    if (subnet.isEmpty() && (gateway.isPresent() || ipRange.isPresent())) {
      throw new IllegalArgumentException("a gateway or an ip range needs a subnet");
    }
    if (subnet.isPresent()) {
      Cidr net = subnet.get();
      if (net.prefixLength() > 30) {
        throw new IllegalArgumentException("subnet " + net + " has fewer than 4 addresses");
      }
      if (gateway.isPresent() && !net.contains(gateway.get().address())) {
        throw new IllegalArgumentException(
            "gateway " + gateway.get().addressText() + " is not in subnet " + net);
      }
      if (ipRange.isPresent() && !net.contains(ipRange.get())) {
        throw new IllegalArgumentException(
            "ip range " + ipRange.get() + " is not in subnet " + net);
      }
    }
  }

  public static IpamConfig automatic() {
    return new IpamConfig(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * From the Docker API's strings, any of which may be null or empty.
   *
   * @throws IllegalArgumentException quoting what did not parse or fit
   */
  public static IpamConfig parse(String subnet, String gateway, String ipRange) {
    Optional<Cidr> parsedSubnet = optional(subnet).map(text -> Cidr.parse(text).subnet());
    Optional<Cidr> parsedGateway =
        optional(gateway)
            .map(
                text ->
                    Cidr.parse(text)
                        .withPrefixLength(parsedSubnet.map(Cidr::prefixLength).orElse(32)));
    Optional<Cidr> parsedRange = optional(ipRange).map(text -> Cidr.parse(text).subnet());
    return new IpamConfig(parsedSubnet, parsedGateway, parsedRange);
  }

  private static Optional<String> optional(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }
}
