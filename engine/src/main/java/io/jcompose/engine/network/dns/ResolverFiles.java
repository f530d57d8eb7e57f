package io.jcompose.engine.network.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The text of a container's {@code /etc/resolv.conf} and {@code /etc/hosts}, both bind-mounted
 * files the engine writes.
 */
public final class ResolverFiles {

  private static final String LOCAL_HOSTS =
      "127.0.0.1\tlocalhost\n"
          + "::1\tlocalhost ip6-localhost ip6-loopback\n"
          + "fe00::0\tip6-localnet\n"
          + "ff00::0\tip6-mcastprefix\n"
          + "ff02::1\tip6-allnodes\n"
          + "ff02::2\tip6-allrouters\n";

  /** A line of {@code /etc/hosts}: an address and its names ({@code extra_hosts}). */
  public record HostEntry(String address, List<String> names) {
    public HostEntry {
      Objects.requireNonNull(address, "address");
      names = List.copyOf(names);
      if (address.isBlank() || names.isEmpty()) {
        throw new IllegalArgumentException("a hosts entry needs an address and a name");
      }
    }

    /**
     * Docker's {@code ExtraHosts} form, {@code name:address} (the address may be IPv6 and hold
     * colons itself).
     *
     * @throws IllegalArgumentException quoting the text
     */
    public static HostEntry parse(String text) {
      int colon = text.indexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new IllegalArgumentException(
            "invalid extra host \"" + text + "\": expected name:address");
      }
      return new HostEntry(text.substring(colon + 1), List.of(text.substring(0, colon)));
    }
  }

  private ResolverFiles() {}

  /**
   * {@code nameserver} lines, then {@code search}, then {@code options} with {@code ndots:0} unless
   * the options set ndots themselves (so a dotless name such as {@code web} goes to the server as
   * it is, not through search domains first).
   */
  public static String resolvConf(
      List<String> nameservers, List<String> searchDomains, List<String> options) {
    var text = new StringBuilder();
    for (String server : nameservers) {
      text.append("nameserver ").append(server).append('\n');
    }
    if (!searchDomains.isEmpty()) {
      text.append("search ").append(String.join(" ", searchDomains)).append('\n');
    }
    var allOptions = new ArrayList<>(options);
    if (allOptions.stream().noneMatch(option -> option.startsWith("ndots:"))) {
      allOptions.add(0, "ndots:0");
    }
    text.append("options ").append(String.join(" ", allOptions)).append('\n');
    return text.toString();
  }

  /**
   * localhost and the IPv6 names, the extra entries, then the container's own address with its host
   * name, as docker writes it.
   */
  public static String hosts(
      Optional<String> ownAddress, List<String> ownNames, List<HostEntry> extra) {
    var text = new StringBuilder(LOCAL_HOSTS);
    for (HostEntry entry : extra) {
      text.append(entry.address())
          .append('\t')
          .append(String.join(" ", entry.names()))
          .append('\n');
    }
    if (ownAddress.isPresent() && !ownNames.isEmpty()) {
      text.append(ownAddress.get()).append('\t').append(String.join(" ", ownNames)).append('\n');
    }
    return text.toString();
  }
}
