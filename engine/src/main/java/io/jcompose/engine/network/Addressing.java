package io.jcompose.engine.network;

import java.util.Objects;
import java.util.Optional;

/**
 * A network's IPv4 plan as allocated.
 *
 * @param subnet the bridge's subnet
 * @param gateway the bridge's address, with the subnet's prefix length
 * @param ipRange where dynamic addresses come from, if narrower than the subnet
 */
public record Addressing(Cidr subnet, Cidr gateway, Optional<Cidr> ipRange) {

  public Addressing {
    Objects.requireNonNull(ipRange, "ipRange");
    if (!subnet.isSubnet()) {
      throw new IllegalArgumentException("subnet " + subnet + " has host bits set");
    }
    if (gateway.prefixLength() != subnet.prefixLength() || !subnet.contains(gateway.address())) {
      throw new IllegalArgumentException("gateway " + gateway + " is not in subnet " + subnet);
    }
  }
}
