package io.jcompose.planner.runtime;

import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.NetworkSpec;
import io.jcompose.planner.spi.NetworkSummary;
import io.jcompose.planner.spi.RuntimeFault;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The in-memory runtime's networks, with dockerd's predefined {@code bridge}, {@code host} and
 * {@code none}. Which containers are attached is the containers' business. Guarded by the runtime's
 * lock.
 */
final class NetworkTable {

  static final Set<String> PREDEFINED = Set.of("bridge", "host", "none");

  record Network(String id, String name, String driver, Map<String, String> labels) {
    NetworkSummary summary(Set<String> containerIds) {
      return new NetworkSummary(id, name, driver, labels, containerIds);
    }
  }

  private final IdSequence ids;
  private final EventHub events;
  private final Map<String, Network> networksById = new LinkedHashMap<>();

  NetworkTable(IdSequence ids, EventHub events) {
    this.ids = ids;
    this.events = events;
    for (String name : List.of("bridge", "host", "none")) {
      String id = ids.next("network");
      networksById.put(id, new Network(id, name, name.equals("none") ? "null" : name, Map.of()));
    }
  }

  /** By ID, then by name, then by a unique ID prefix. */
  Optional<Network> find(String networkIdOrName) {
    Network byId = networksById.get(networkIdOrName);
    if (byId != null) {
      return Optional.of(byId);
    }
    for (Network network : networksById.values()) {
      if (network.name().equals(networkIdOrName)) {
        return Optional.of(network);
      }
    }
    Network byPrefix = null;
    for (Network network : networksById.values()) {
      if (network.id().startsWith(networkIdOrName)) {
        if (byPrefix != null) {
          return Optional.empty();
        }
        byPrefix = network;
      }
    }
    return Optional.ofNullable(byPrefix);
  }

  Network require(String networkIdOrName) {
    return find(networkIdOrName)
        .orElseThrow(() -> new RuntimeFault.NotFound("network " + networkIdOrName + " not found"));
  }

  List<Network> list(LabelFilter filter) {
    var matching = new ArrayList<Network>();
    for (Network network : networksById.values()) {
      if (filter.matches(network.labels())) {
        matching.add(network);
      }
    }
    return matching;
  }

  /**
   * @throws RuntimeFault.Conflict when a network of that name exists
   */
  String create(NetworkSpec spec) {
    for (Network network : networksById.values()) {
      if (network.name().equals(spec.name())) {
        throw new RuntimeFault.Conflict("network with name " + spec.name() + " already exists");
      }
    }
    String id = ids.next("network");
    var network = new Network(id, spec.name(), spec.driver().orElse("bridge"), spec.labels());
    networksById.put(id, network);
    emit(network, "create", Map.of());
    return id;
  }

  /** Removes a network; the caller has checked that no running container is attached. */
  void remove(Network network) {
    if (PREDEFINED.contains(network.name())) {
      throw new RuntimeFault.PermissionDenied(
          network.name() + " is a pre-defined network and cannot be removed");
    }
    networksById.remove(network.id());
    emit(network, "destroy", Map.of());
  }

  void emit(Network network, String action, Map<String, String> extras) {
    var attributes = new LinkedHashMap<String, String>();
    attributes.put("name", network.name());
    attributes.put("type", network.driver());
    attributes.putAll(extras);
    events.emit("network", action, network.id(), network.labels(), attributes);
  }
}
