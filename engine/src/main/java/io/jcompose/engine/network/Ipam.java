package io.jcompose.engine.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.state.RecordStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * IPv4 address management: a subnet per network, from the pool or as requested, and an address per
 * endpoint (the gateway is the subnet's first host unless requested; endpoints get the lowest free
 * address, or the one they ask for). Each network's allocation is one record, rewritten on every
 * change, so a restarted engine hands out no address twice.
 */
final class Ipam {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A network's allocation as stored: addresses by endpoint id. */
  record Stored(String subnet, String gateway, String ipRange, Map<String, String> addresses) {
    Stored {
      addresses = Map.copyOf(addresses == null ? Map.of() : addresses);
    }
  }

  private record Allocation(Addressing addressing, Map<String, Long> addressByEndpoint) {
    Allocation {
      addressByEndpoint = Map.copyOf(addressByEndpoint);
    }
  }

  private final RecordStore store;
  private final NetworkSettings settings;
  private final Map<String, Allocation> allocations = new HashMap<>();

  Ipam(RecordStore store, NetworkSettings settings) {
    this.store = store;
    this.settings = settings;
    for (String networkId : store.keys()) {
      store.read(networkId).ifPresent(text -> allocations.put(networkId, decode(networkId, text)));
    }
  }

  /**
   * Gives {@code networkId} its subnet: the requested one if it overlaps no other network's, or the
   * lowest subnet of the pool that overlaps no network, no avoided range and nothing in {@code
   * routedOnHost}.
   *
   * @throws EngineFault.Forbidden when a requested subnet overlaps another network's
   * @throws EngineFault.Unavailable when the pool has no free subnet
   */
  synchronized Addressing allocateNetwork(
      String networkId, IpamConfig requested, Collection<Cidr> routedOnHost) {
    if (allocations.containsKey(networkId)) {
      return allocations.get(networkId).addressing();
    }
    Addressing addressing;
    if (requested.subnet().isPresent()) {
      Cidr subnet = requested.subnet().get();
      for (Allocation other : allocations.values()) {
        if (other.addressing().subnet().overlaps(subnet)) {
          throw new EngineFault.Forbidden(
              "Pool overlaps with other one on this address space: "
                  + subnet
                  + " overlaps "
                  + other.addressing().subnet());
        }
      }
      Cidr gateway = requested.gateway().orElse(subnet.at(1));
      addressing = new Addressing(subnet, gateway, requested.ipRange());
    } else {
      Cidr subnet = freeSubnet(routedOnHost);
      addressing = new Addressing(subnet, subnet.at(1), Optional.empty());
    }
    save(networkId, new Allocation(addressing, Map.of()));
    return addressing;
  }

  /**
   * Gives an endpoint an address on the network: {@code fixed} if it is free, else the lowest free
   * one in the network's range. Asking again for the same endpoint returns its address.
   *
   * @return the address with the subnet's prefix length
   * @throws EngineFault.Conflict when the fixed address is taken
   * @throws EngineFault.InvalidArgument when the fixed address is outside the subnet or reserved
   * @throws EngineFault.Unavailable when the network is full
   */
  synchronized Cidr allocateAddress(String networkId, String endpointId, Optional<Cidr> fixed) {
    Allocation allocation = allocation(networkId);
    Addressing addressing = allocation.addressing();
    Cidr subnet = addressing.subnet();
    Long existing = allocation.addressByEndpoint().get(endpointId);
    if (existing != null) {
      return new Cidr(existing, subnet.prefixLength());
    }
    var taken = new java.util.HashSet<>(allocation.addressByEndpoint().values());
    long chosen;
    if (fixed.isPresent()) {
      long wanted = fixed.get().address();
      if (!subnet.contains(wanted) || wanted == subnet.first() || wanted == subnet.last()) {
        throw new EngineFault.InvalidArgument(
            "no configured subnet contains the IP address " + fixed.get().addressText());
      }
      if (wanted == addressing.gateway().address() || taken.contains(wanted)) {
        throw new EngineFault.Conflict(
            "Address already in use: " + fixed.get().addressText() + " on network " + subnet);
      }
      chosen = wanted;
    } else {
      Cidr range = addressing.ipRange().orElse(subnet);
      chosen = -1;
      for (long candidate = range.first(); candidate <= range.last(); candidate++) {
        if (candidate != subnet.first()
            && candidate != subnet.last()
            && candidate != addressing.gateway().address()
            && !taken.contains(candidate)) {
          chosen = candidate;
          break;
        }
      }
      if (chosen < 0) {
        throw new EngineFault.Unavailable("no available IPv4 addresses on network " + subnet, null);
      }
    }
    var addresses = new LinkedHashMap<>(allocation.addressByEndpoint());
    addresses.put(endpointId, chosen);
    save(networkId, new Allocation(addressing, addresses));
    return new Cidr(chosen, subnet.prefixLength());
  }

  synchronized void releaseAddress(String networkId, String endpointId) {
    Allocation allocation = allocations.get(networkId);
    if (allocation == null || !allocation.addressByEndpoint().containsKey(endpointId)) {
      return;
    }
    var addresses = new LinkedHashMap<>(allocation.addressByEndpoint());
    addresses.remove(endpointId);
    save(networkId, new Allocation(allocation.addressing(), addresses));
  }

  synchronized void releaseNetwork(String networkId) {
    allocations.remove(networkId);
    store.delete(networkId);
  }

  /**
   * Frees what a crash left allocated: subnets of networks not in {@code networkIds} and addresses
   * of endpoints not in {@code endpointIds}.
   */
  synchronized void retain(Set<String> networkIds, Set<String> endpointIds) {
    for (String networkId : List.copyOf(allocations.keySet())) {
      if (!networkIds.contains(networkId)) {
        releaseNetwork(networkId);
        continue;
      }
      for (String endpointId :
          List.copyOf(allocations.get(networkId).addressByEndpoint().keySet())) {
        if (!endpointIds.contains(endpointId)) {
          releaseAddress(networkId, endpointId);
        }
      }
    }
  }

  synchronized Optional<Addressing> addressing(String networkId) {
    return Optional.ofNullable(allocations.get(networkId)).map(Allocation::addressing);
  }

  /** The endpoints holding an address on the network, with their addresses. */
  synchronized Map<String, Cidr> addresses(String networkId) {
    Allocation allocation = allocation(networkId);
    var result = new TreeMap<String, Cidr>();
    allocation
        .addressByEndpoint()
        .forEach(
            (endpointId, address) ->
                result.put(
                    endpointId,
                    new Cidr(address, allocation.addressing().subnet().prefixLength())));
    return result;
  }

  private Cidr freeSubnet(Collection<Cidr> routedOnHost) {
    Cidr pool = settings.pool();
    long step = 1L << (32 - settings.subnetLength());
    for (long first = pool.first(); first <= pool.last(); first += step) {
      Cidr candidate = new Cidr(first, settings.subnetLength());
      if (settings.avoided().stream().noneMatch(candidate::overlaps)
          && routedOnHost.stream().noneMatch(candidate::overlaps)
          && allocations.values().stream()
              .noneMatch(other -> other.addressing().subnet().overlaps(candidate))) {
        return candidate;
      }
    }
    throw new EngineFault.Unavailable(
        "could not find an available, non-overlapping IPv4 address pool among the defaults to"
            + " assign to the network (pool "
            + pool
            + ")",
        null);
  }

  private Allocation allocation(String networkId) {
    Allocation allocation = allocations.get(networkId);
    if (allocation == null) {
      throw new EngineFault.NotFound("no address allocation for network " + networkId);
    }
    return allocation;
  }

  private void save(String networkId, Allocation allocation) {
    Addressing addressing = allocation.addressing();
    var addresses = new TreeMap<String, String>();
    allocation.addressByEndpoint().forEach((id, value) -> addresses.put(id, Cidr.dotted(value)));
    var stored =
        new Stored(
            addressing.subnet().toString(),
            addressing.gateway().addressText(),
            addressing.ipRange().map(Cidr::toString).orElse(null),
            addresses);
    try {
      store.write(networkId, JSON.writeValueAsString(stored));
    } catch (JsonProcessingException e) {
      throw new EngineFault.Internal("cannot encode the allocation of network " + networkId, e);
    }
    allocations.put(networkId, allocation);
  }

  private static Allocation decode(String networkId, String text) {
    try {
      Stored stored = JSON.readValue(text, Stored.class);
      Cidr subnet = Cidr.parse(stored.subnet());
      var addressing =
          new Addressing(
              subnet,
              Cidr.parse(stored.gateway()).withPrefixLength(subnet.prefixLength()),
              Optional.ofNullable(stored.ipRange()).map(Cidr::parse));
      var addresses = new LinkedHashMap<String, Long>();
      stored
          .addresses()
          .forEach((id, dotted) -> addresses.put(id, Cidr.parseAddress(dotted, dotted)));
      return new Allocation(addressing, addresses);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new EngineFault.Internal(
          "the address allocation record of network " + networkId + " is damaged", e);
    }
  }
}
