package io.jcompose.engine.network;

import io.jcompose.engine.network.dns.NameServer;
import io.jcompose.engine.network.dns.NameTable;
import io.jcompose.engine.network.dns.Upstreams;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * The kernel side of the networks that have endpoints: a bridge with the gateway address, the
 * network's rules in the engine's chains, and a DNS server on the gateway. The first network to go
 * live creates the chains (and re-checks their jumps); the last one to retire removes them.
 */
final class LiveNetworks implements AutoCloseable {

  private static final int INTERFACE_NAME_MAX = 15;

  private record Live(String bridge, NameTable names, Optional<NameServer> nameServer) {}

  private final NetworkSettings settings;
  private final Links links;
  private final Firewall firewall;
  private final ThreadFactory threads;
  private final Consumer<NetworkEvent> events;
  private final Map<String, Live> live = new HashMap<>();
  private boolean chainsChecked;

  LiveNetworks(
      NetworkSettings settings,
      Links links,
      Firewall firewall,
      ThreadFactory threads,
      Consumer<NetworkEvent> events) {
    this.settings = settings;
    this.links = links;
    this.firewall = firewall;
    this.threads = threads;
    this.events = events;
  }

  /** {@code jce-} and the first hex digits of the id, at most 15 characters (IFNAMSIZ). */
  String bridgeName(String networkId) {
    String stem = settings.namePrefix() + "-";
    return stem + networkId.substring(0, INTERFACE_NAME_MAX - stem.length());
  }

  boolean isLive(String networkId) {
    return live.containsKey(networkId);
  }

  /**
   * Brings a network's bridge, rules and DNS server up, if they are not yet; returns the bridge.
   */
  String goLive(Network network) {
    Live state = live.get(network.id());
    if (state != null) {
      return state.bridge();
    }
    Addressing addressing = network.addressing().orElseThrow();
    String bridge = bridgeName(network.id());
    links.ensureBridge(bridge, addressing.gateway(), Links.macAddress(network.id()));
    try {
      if (!chainsChecked) {
        firewall.ensureChains();
        chainsChecked = true;
      }
      firewall.install(bridge, addressing.subnet(), network.internal());
    } catch (RuntimeException e) {
      try {
        firewall.uninstall(bridge);
        links.delete(List.of(bridge), List.of());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    var names = new NameTable();
    live.put(network.id(), new Live(bridge, names, startNameServer(network, addressing, names)));
    return bridge;
  }

  /** Removes a network's DNS server, rules and bridge, and the chains with the last network. */
  void retire(String networkId) {
    Live state = live.remove(networkId);
    if (state == null) {
      return;
    }
    state.nameServer().ifPresent(NameServer::close);
    firewall.uninstall(state.bridge());
    links.delete(List.of(state.bridge()), List.of());
    if (live.isEmpty()) {
      firewall.removeChains();
      chainsChecked = false;
    }
  }

  /** What a live network's DNS server answers from now on. */
  void names(String networkId, List<NameTable.Entry> entries) {
    Live state = live.get(networkId);
    if (state != null) {
      state.names().replace(entries);
    }
  }

  Optional<InetSocketAddress> nameServerAddress(String networkId) {
    Live state = live.get(networkId);
    return state == null ? Optional.empty() : state.nameServer().map(NameServer::address);
  }

  Set<String> bridges() {
    var bridges = new TreeSet<String>();
    live.values().forEach(state -> bridges.add(state.bridge()));
    return bridges;
  }

  /** After start-up clean-up removed the chains because nothing was live. */
  void chainsRemoved() {
    chainsChecked = false;
  }

  private Optional<NameServer> startNameServer(
      Network network, Addressing addressing, NameTable names) {
    InetSocketAddress address =
        settings.nameServer() instanceof NameServerPlacement.OnGateway onGateway
            ? new InetSocketAddress(addressing.gateway().inetAddress(), onGateway.port())
            : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try {
      return Optional.of(NameServer.start(address, names, Upstreams.fromHost(), threads));
    } catch (RuntimeException e) {
      events.accept(new NetworkEvent.NameServerUnavailable(network.name(), e.getMessage()));
      return Optional.empty();
    }
  }

  /** Stops the DNS servers; bridges and rules stay for the containers that outlive the engine. */
  @Override
  public void close() {
    for (Live state : live.values()) {
      state.nameServer().ifPresent(NameServer::close);
    }
    live.clear();
    chainsChecked = false;
  }
}
