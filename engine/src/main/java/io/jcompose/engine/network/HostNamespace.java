package io.jcompose.engine.network;

import io.jcompose.engine.host.HostCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The network namespace the engine treats as "the host": where its bridges, host-side veths and
 * iptables rules live. In production that is the engine's own namespace (no prefix). Tests name a
 * private namespace, and every {@code ip}, {@code iptables} and {@code sysctl} command then runs
 * through {@code nsenter --net=<path>}, so the real host's links and tables are never touched.
 *
 * <p>{@code nsenter --net} rather than {@code ip netns exec}: the latter also enters a private
 * mount namespace, so a container namespace created through it ({@code ip netns add}) would be
 * bind-mounted where nobody else can see it.
 */
public record HostNamespace(List<String> commandPrefix) {

  public HostNamespace {
    commandPrefix = List.copyOf(commandPrefix);
  }

  /** The engine's own network namespace. */
  public static HostNamespace current() {
    return new HostNamespace(List.of());
  }

  /** A namespace created with {@code ip netns add name}. */
  public static HostNamespace named(String name) {
    Path nsenter = HostCommand.require("nsenter", "util-linux");
    return new HostNamespace(List.of(nsenter.toString(), "--net=" + Links.namespacePath(name)));
  }

  boolean isCurrent() {
    return commandPrefix.isEmpty();
  }

  HostCommand.Result run(List<String> argv) {
    return run(argv, Optional.empty());
  }

  HostCommand.Result run(List<String> argv, Optional<String> stdin) {
    var full = new ArrayList<String>(commandPrefix.size() + argv.size());
    full.addAll(commandPrefix);
    full.addAll(argv);
    return HostCommand.run(full, stdin, HostCommand.DEFAULT_TIMEOUT);
  }
}
