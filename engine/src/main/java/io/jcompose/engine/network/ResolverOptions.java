package io.jcompose.engine.network;

import java.util.List;

/**
 * A container's own DNS settings ({@code HostConfig.Dns}, {@code DnsSearch}, {@code DnsOptions}).
 *
 * @param nameservers replace the network's server when given (names of other containers then no
 *     longer resolve)
 */
public record ResolverOptions(
    List<String> nameservers, List<String> searchDomains, List<String> options) {
  public ResolverOptions {
    nameservers = List.copyOf(nameservers);
    searchDomains = List.copyOf(searchDomains);
    options = List.copyOf(options);
  }

  public static ResolverOptions none() {
    return new ResolverOptions(List.of(), List.of(), List.of());
  }
}
