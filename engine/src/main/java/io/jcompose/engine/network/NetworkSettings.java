package io.jcompose.engine.network;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the engine names and numbers its networks.
 *
 * @param namePrefix starts every kernel object the engine owns: bridges ({@code jce-<hex>}), host
 *     veth ends ({@code jcev<hex>}), container namespaces ({@code jce-<container id>}) and, upper
 *     case, iptables chains ({@code JCE-FORWARD}); start-up clean-up removes what carries it and
 *     belongs to nothing, so it must be the engine's alone
 * @param pool where subnets for networks without a requested one are taken from
 * @param subnetLength prefix length of those subnets
 * @param avoided ranges never allocated from the pool (docker's and podman's defaults), in addition
 *     to whatever is routed on the host
 * @param nameServer where each network's DNS server listens
 */
public record NetworkSettings(
    String namePrefix,
    Cidr pool,
    int subnetLength,
    List<Cidr> avoided,
    NameServerPlacement nameServer) {

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{1,5}");

  /** docker's default bridge and address pools, and podman's default network. */
  public static final List<Cidr> CONTAINER_ENGINE_DEFAULTS =
      List.of(
          Cidr.parse("172.16.0.0/12"), Cidr.parse("192.168.0.0/16"), Cidr.parse("10.88.0.0/16"));

  public NetworkSettings {
    if (!PREFIX.matcher(namePrefix).matches()) {
      throw new IllegalArgumentException(
          "name prefix \"" + namePrefix + "\" must be 2 to 6 lower-case letters or digits");
    }
    if (!pool.isSubnet()) {
      throw new IllegalArgumentException("pool " + pool + " has host bits set");
    }
    if (subnetLength < pool.prefixLength() || subnetLength > 30) {
      throw new IllegalArgumentException(
          "subnet length /"
              + subnetLength
              + " does not fit the pool "
              + pool
              + " (or is over /30)");
    }
    avoided = List.copyOf(avoided);
    Objects.requireNonNull(nameServer, "nameServer");
  }

  /** {@code jce}, /24s out of 10.213.0.0/16, DNS on each gateway's port 53. */
  public static NetworkSettings defaults() {
    return new NetworkSettings(
        "jce",
        Cidr.parse("10.213.0.0/16"),
        24,
        CONTAINER_ENGINE_DEFAULTS,
        new NameServerPlacement.OnGateway(53));
  }

  public NetworkSettings withNamePrefix(String prefix) {
    return new NetworkSettings(prefix, pool, subnetLength, avoided, nameServer);
  }

  public NetworkSettings withPool(Cidr newPool, int newSubnetLength) {
    return new NetworkSettings(namePrefix, newPool, newSubnetLength, avoided, nameServer);
  }

  public NetworkSettings withNameServer(NameServerPlacement placement) {
    return new NetworkSettings(namePrefix, pool, subnetLength, avoided, placement);
  }

  /** Upper-case form used for iptables chains: {@code JCE}. */
  String chainPrefix() {
    return namePrefix.toUpperCase(java.util.Locale.ROOT);
  }
}
