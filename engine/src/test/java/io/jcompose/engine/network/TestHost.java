package io.jcompose.engine.network;

import io.jcompose.engine.host.HostCommand;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A private network namespace standing in for the host: the engine's bridges, host veths and
 * iptables rules go there, never into the real host's tables. Its FORWARD policy is DROP, as
 * dockerd leaves a host, and br_netfilter's {@code bridge-nf-call-iptables} is 1 there (the
 * kernel's default for a new namespace while the module is loaded), so frames between two ports of
 * one bridge pass FORWARD just as they would beside dockerd.
 *
 * <p>Each run uses a fresh name prefix; {@link #close()} deletes the container namespaces carrying
 * it (they are named globally under /var/run/netns), then the test host, which takes its links and
 * tables with it.
 */
final class TestHost implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  final String name;
  final String prefix;
  final HostNamespace namespace;

  private TestHost(String name, String prefix) {
    this.name = name;
    this.prefix = prefix;
    this.namespace = HostNamespace.named(name);
  }

  static TestHost create() {
    String suffix = randomSuffix(6);
    var host = new TestHost("jcet-host-" + suffix, "t" + randomSuffix(4));
    HostCommand.run("ip", "netns", "add", host.name).orThrow();
    try {
      host.run("ip", "link", "set", "lo", "up").orThrow();
      host.run("iptables", "-w", "-P", "FORWARD", "DROP").orThrow();
    } catch (RuntimeException e) {
      host.close();
      throw e;
    }
    return host;
  }

  NetworkSettings settings() {
    return NetworkSettings.defaults()
        .withNamePrefix(prefix)
        .withNameServer(new NameServerPlacement.OnLoopback());
  }

  HostCommand.Result run(String... argv) {
    return namespace.run(List.of(argv));
  }

  /** Runs a command inside a container's namespace (through the test host, as the engine does). */
  HostCommand.Result inside(String containerNamespace, String... argv) {
    var full = new ArrayList<>(List.of("ip", "netns", "exec", containerNamespace));
    full.addAll(List.of(argv));
    return namespace.run(full, Optional.empty());
  }

  /** Container namespaces of this run that still exist. */
  List<String> containerNamespaces() {
    return HostCommand.run("ip", "netns", "list")
        .orThrow()
        .stdout()
        .lines()
        .map(line -> line.split("\\s+")[0])
        .filter(each -> each.startsWith(prefix + "-"))
        .toList();
  }

  @Override
  public void close() {
    for (String each : containerNamespaces()) {
      HostCommand.run("ip", "netns", "del", each);
    }
    HostCommand.run("ip", "netns", "del", name);
  }

  private static String randomSuffix(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    var text = new StringBuilder();
    for (int index = 0; index < length; index++) {
      text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
