package io.jcompose.engine.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Start-up clean-up of kernel objects: whatever carries the engine's prefix and is not among the
 * expected is removed, in teardown order (host veths, then namespaces, then bridges), then rules
 * naming a bridge that is gone, then the chains if no bridge is left.
 */
final class LeftoverSweep {

  private final NetworkSettings settings;
  private final Links links;
  private final Firewall firewall;
  private final Consumer<NetworkEvent> events;

  LeftoverSweep(
      NetworkSettings settings, Links links, Firewall firewall, Consumer<NetworkEvent> events) {
    this.settings = settings;
    this.links = links;
    this.firewall = firewall;
    this.events = events;
  }

  void sweep(Set<String> bridges, Set<String> hostVeths, Set<String> namespaces) {
    String bridgeStem = settings.namePrefix() + "-";
    String vethStem = settings.namePrefix() + "v";
    var staleVeths = new ArrayList<String>();
    var staleBridges = new ArrayList<String>();
    for (Links.Link link : links.links()) {
      if (link.kind().equals("veth")
          && link.name().startsWith(vethStem)
          && !hostVeths.contains(link.name())) {
        staleVeths.add(link.name());
      } else if (link.kind().equals("bridge")
          && link.name().startsWith(bridgeStem)
          && !bridges.contains(link.name())) {
        staleBridges.add(link.name());
      }
    }
    var staleNamespaces = new ArrayList<String>();
    for (String namespace : links.namespaces()) {
      if (namespace.startsWith(bridgeStem) && !namespaces.contains(namespace)) {
        staleNamespaces.add(namespace);
      }
    }
    links.delete(staleVeths, staleNamespaces);
    links.delete(staleBridges, List.of());
    staleVeths.forEach(name -> events.accept(new NetworkEvent.LeftoverRemoved("veth", name)));
    staleNamespaces.forEach(name -> events.accept(new NetworkEvent.LeftoverRemoved("netns", name)));
    staleBridges.forEach(name -> events.accept(new NetworkEvent.LeftoverRemoved("bridge", name)));
    for (String bridge : firewall.bridgesWithRules()) {
      if (!bridges.contains(bridge)) {
        firewall.uninstall(bridge);
        events.accept(new NetworkEvent.LeftoverRemoved("rules", bridge));
      }
    }
    if (bridges.isEmpty() && firewall.chainsExist()) {
      firewall.removeChains();
      events.accept(new NetworkEvent.LeftoverRemoved("chains", settings.chainPrefix() + "-*"));
    } else if (!bridges.isEmpty()) {
      firewall.ensureChains();
    }
  }
}
