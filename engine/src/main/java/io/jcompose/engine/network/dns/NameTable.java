package io.jcompose.engine.network.dns;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names a network's DNS server answers for, replaced whole whenever an endpoint comes or goes;
 * readers see either the old table or the new one.
 */
public final class NameTable {

  /**
   * One endpoint's address and its names; the first name answers reverse (PTR) lookups.
   *
   * @param names container name, aliases, short id
   */
  public record Entry(Inet4Address address, List<String> names) {
    public Entry {
      Objects.requireNonNull(address, "address");
      names = List.copyOf(names);
      if (names.isEmpty()) {
        throw new IllegalArgumentException("an entry needs at least one name");
      }
    }
  }

  private record Snapshot(
      Map<String, List<Inet4Address>> byName, Map<Inet4Address, String> byAddress) {}

  private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

  public void replace(List<Entry> entries) {
    var byName = new HashMap<String, List<Inet4Address>>();
    var byAddress = new HashMap<Inet4Address, String>();
    for (Entry entry : entries) {
      for (String name : entry.names()) {
        List<Inet4Address> addresses = byName.computeIfAbsent(key(name), any -> new ArrayList<>());
        if (!addresses.contains(entry.address())) {
          addresses.add(entry.address());
        }
      }
      byAddress.putIfAbsent(entry.address(), entry.names().get(0));
    }
    byName.replaceAll((name, addresses) -> List.copyOf(addresses));
    snapshot = new Snapshot(Map.copyOf(byName), Map.copyOf(byAddress));
  }

  /**
   * The addresses of a name (case-insensitive, with or without the final dot); empty if unknown.
   */
  public List<Inet4Address> addresses(String name) {
    return snapshot.byName().getOrDefault(key(name), List.of());
  }

  Optional<String> nameOf(Inet4Address address) {
    return Optional.ofNullable(snapshot.byAddress().get(address));
  }

  private static String key(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
