package io.jcompose.engine.network;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.state.RecordStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The recorded networks, by id, with their subnets from IPAM; the predefined {@code bridge}, {@code
 * host} and {@code none} are made on first use of a state directory.
 */
final class NetworkCatalog {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RecordStore records;
  private final Ipam ipam;
  private final Clock clock;
  private final Supplier<Collection<Cidr>> routedOnHost;
  private final Map<String, Network> networks = new LinkedHashMap<>();

  NetworkCatalog(
      RecordStore records, Ipam ipam, Clock clock, Supplier<Collection<Cidr>> routedOnHost) {
    this.records = records;
    this.ipam = ipam;
    this.clock = clock;
    this.routedOnHost = routedOnHost;
    for (String key : records.keys()) {
      records
          .read(key)
          .ifPresent(
              text -> {
                Network network = StateCodec.decodeNetwork(text, ipam.addressing(key));
                networks.put(network.id(), network);
              });
    }
    for (String name : List.of(Network.DEFAULT_BRIDGE, Network.HOST, Network.NONE)) {
      if (byName(name).isEmpty()) {
        String driver =
            switch (name) {
              case Network.DEFAULT_BRIDGE -> "bridge";
              case Network.HOST -> "host";
              default -> "null";
            };
        Map<String, String> options =
            name.equals(Network.DEFAULT_BRIDGE)
                ? Map.of("com.docker.network.bridge.default_bridge", "true")
                : Map.of();
        add(name, driver, false, false, IpamConfig.automatic(), Map.of(), options);
      }
    }
  }

  /**
   * @throws EngineFault.Conflict {@code network with name X already exists}
   * @throws EngineFault.Forbidden for another {@code host} or {@code null} network, or a subnet
   *     overlapping another network's
   * @throws EngineFault.NotFound for a driver the engine does not have
   */
  Network create(NetworkRequest request) {
    if (byName(request.name()).isPresent()) {
      throw new EngineFault.Conflict("network with name " + request.name() + " already exists");
    }
    if (request.driver().equals("host") || request.driver().equals("null")) {
      throw new EngineFault.Forbidden(
          "only one instance of \"" + request.driver() + "\" network is allowed");
    }
    if (!request.driver().equals("bridge")) {
      throw new EngineFault.NotFound("plugin \"" + request.driver() + "\" not found");
    }
    return add(
        request.name(),
        "bridge",
        request.internal(),
        request.attachable(),
        request.ipam(),
        request.labels(),
        request.options());
  }

  private Network add(
      String name,
      String driver,
      boolean internal,
      boolean attachable,
      IpamConfig ipamConfig,
      Map<String, String> labels,
      Map<String, String> options) {
    String id = newId();
    Optional<Addressing> addressing =
        driver.equals("bridge")
            ? Optional.of(ipam.allocateNetwork(id, ipamConfig, routedOnHost.get()))
            : Optional.empty();
    var network =
        new Network(
            id, name, driver, clock.instant(), internal, attachable, labels, options, addressing);
    records.write(id, StateCodec.encode(network));
    networks.put(id, network);
    return network;
  }

  /**
   * By full id, full name, or a unique id prefix, as dockerd resolves them.
   *
   * @throws EngineFault.NotFound {@code network X not found}
   */
  Network find(String idOrName) {
    Network exact = networks.get(idOrName);
    if (exact != null) {
      return exact;
    }
    Optional<Network> named = byName(idOrName);
    if (named.isPresent()) {
      return named.get();
    }
    List<Network> prefixed =
        networks.values().stream().filter(each -> each.id().startsWith(idOrName)).toList();
    if (prefixed.size() == 1 && !idOrName.isEmpty()) {
      return prefixed.get(0);
    }
    throw new EngineFault.NotFound("network " + idOrName + " not found");
  }

  /** By id, for ids taken from records; empty if the network is gone. */
  Optional<Network> byId(String id) {
    return Optional.ofNullable(networks.get(id));
  }

  List<Network> all() {
    return List.copyOf(networks.values());
  }

  /** Forgets a network and frees its subnet. */
  void delete(String id) {
    ipam.releaseNetwork(id);
    records.delete(id);
    networks.remove(id);
  }

  private Optional<Network> byName(String name) {
    return networks.values().stream().filter(each -> each.name().equals(name)).findFirst();
  }

  /** 64 random hex digits, as docker's ids. */
  static String newId() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
