package io.jcompose.engine.network;

import io.jcompose.engine.host.HostCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's iptables rules, all in two chains of its own ({@code JCE-FORWARD} in filter, {@code
 * JCE-POSTROUTING} in nat), each reached by one jump from the built-in chain, marked with a
 * comment. Every rule of a network names its bridge, so a network's rules are found and removed
 * exactly; built-in chains and other tools' chains are never flushed.
 *
 * <p>Why a FORWARD rule is needed at all: dockerd sets the FORWARD policy to DROP and loads
 * br_netfilter with {@code bridge-nf-call-iptables=1}, so even frames between two ports of one of
 * our bridges pass FORWARD (engine-recipes §3). Changing that sysctl would break dockerd; an ACCEPT
 * for our bridges does not.
 *
 * <p>Rules go through the {@code iptables} of the host (Debian 12: the nf_tables backend, the same
 * dockerd uses); a rule in the other backend's tables would not override a DROP in these.
 */
final class Firewall {

  private record Chain(String table, String builtIn, String name) {}

  private final HostNamespace host;
  private final Chain forward;
  private final Chain postrouting;
  private final String jumpComment;
  private final String bridgeWildcard;

  /**
   * @param chainPrefix {@code JCE}: chains {@code JCE-FORWARD}, {@code JCE-POSTROUTING}
   * @param jumpComment marks the jumps from the built-in chains ({@code jce})
   * @param bridgeWildcard iptables interface pattern matching every bridge of the engine ({@code
   *     jce-+}), to keep networks apart
   */
  Firewall(HostNamespace host, String chainPrefix, String jumpComment, String bridgeWildcard) {
    HostCommand.require("iptables", "iptables");
    this.host = host;
    this.forward = new Chain("filter", "FORWARD", chainPrefix + "-FORWARD");
    this.postrouting = new Chain("nat", "POSTROUTING", chainPrefix + "-POSTROUTING");
    this.jumpComment = jumpComment;
    this.bridgeWildcard = bridgeWildcard;
  }

  /** Creates the chains and the jumps to them where missing; safe to repeat. */
  void ensureChains() {
    for (Chain chain : List.of(forward, postrouting)) {
      if (!exists(chain)) {
        iptables(chain.table(), "-N", chain.name()).orThrow();
      }
      var jump = List.of("-m", "comment", "--comment", jumpComment, "-j", chain.name());
      var check = new ArrayList<>(List.of(chain.builtIn()));
      check.addAll(jump);
      if (!iptables(chain.table(), prepend("-C", check)).succeeded()) {
        var insert = new ArrayList<>(List.of(chain.builtIn(), "1"));
        insert.addAll(jump);
        iptables(chain.table(), prepend("-I", insert)).orThrow();
      }
    }
  }

  /** Removes every jump to the chains, then the chains; what is already gone is skipped. */
  void removeChains() {
    var restore = new Restore();
    for (Chain chain : List.of(forward, postrouting)) {
      for (String rule : rules(chain.table(), chain.builtIn())) {
        if (tokens(rule).contains(chain.name())) {
          restore.delete(chain.table(), rule);
        }
      }
    }
    restore.apply(host);
    for (Chain chain : List.of(forward, postrouting)) {
      if (exists(chain)) {
        iptables(chain.table(), "-F", chain.name()).orThrow();
        iptables(chain.table(), "-X", chain.name()).orThrow();
      }
    }
  }

  boolean chainsExist() {
    return exists(forward) || exists(postrouting);
  }

  /**
   * Gives a network its rules, replacing any it had: traffic within the bridge, and unless {@code
   * internal}, out of it (masqueraded) and the replies back; never to another of the engine's
   * bridges. An internal network's traffic leaving the bridge is dropped.
   */
  void install(String bridge, Cidr subnet, boolean internal) {
    var restore = new Restore();
    removals(bridge, restore);
    restore.add("filter", forward.name(), "-i " + bridge + " -o " + bridge + " -j ACCEPT");
    if (internal) {
      restore.add("filter", forward.name(), "-i " + bridge + " -j DROP");
      restore.add("filter", forward.name(), "-o " + bridge + " -j DROP");
    } else {
      restore.add("filter", forward.name(), "-i " + bridge + " -o " + bridgeWildcard + " -j DROP");
      restore.add("filter", forward.name(), "-i " + bridge + " -j ACCEPT");
      restore.add(
          "filter",
          forward.name(),
          "-o " + bridge + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
      restore.add("nat", postrouting.name(), "-s " + subnet + " ! -o " + bridge + " -j MASQUERADE");
    }
    restore.apply(host);
  }

  /** Removes exactly the rules that name {@code bridge}. */
  void uninstall(String bridge) {
    var restore = new Restore();
    removals(bridge, restore);
    restore.apply(host);
  }

  /** The bridges named by rules in the engine's chains (for start-up clean-up). */
  Set<String> bridgesWithRules() {
    var bridges = new TreeSet<String>();
    for (Chain chain : List.of(forward, postrouting)) {
      if (!exists(chain)) {
        continue;
      }
      for (String rule : rules(chain.table(), chain.name())) {
        List<String> tokens = tokens(rule);
        for (int index = 0; index + 1 < tokens.size(); index++) {
          String token = tokens.get(index);
          String value = tokens.get(index + 1);
          if ((token.equals("-i") || token.equals("-o")) && !value.endsWith("+")) {
            bridges.add(value);
          }
        }
      }
    }
    return bridges;
  }

  private void removals(String bridge, Restore restore) {
    for (Chain chain : List.of(forward, postrouting)) {
      if (!exists(chain)) {
        continue;
      }
      for (String rule : rules(chain.table(), chain.name())) {
        List<String> tokens = tokens(rule);
        for (int index = 0; index + 1 < tokens.size(); index++) {
          String token = tokens.get(index);
          if ((token.equals("-i") || token.equals("-o")) && tokens.get(index + 1).equals(bridge)) {
            restore.delete(chain.table(), rule);
            break;
          }
        }
      }
    }
  }

  private boolean exists(Chain chain) {
    return iptables(chain.table(), "-S", chain.name()).succeeded();
  }

  /** The {@code -A} lines of a chain, as {@code iptables -S} prints them. */
  private List<String> rules(String table, String chain) {
    return iptables(table, "-S", chain)
        .orThrow()
        .stdout()
        .lines()
        .filter(line -> line.startsWith("-A "))
        .toList();
  }

  private HostCommand.Result iptables(String table, String... arguments) {
    return iptables(table, List.of(arguments));
  }

  private HostCommand.Result iptables(String table, List<String> arguments) {
    var argv = new ArrayList<>(List.of("iptables", "-w", "-t", table));
    argv.addAll(arguments);
    return host.run(argv);
  }

  private static List<String> prepend(String first, List<String> rest) {
    var all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  private static List<String> tokens(String rule) {
    return List.of(rule.trim().split("\\s+"));
  }

  /** Rule changes applied in one {@code iptables-restore --noflush}: all or none. */
  private static final class Restore {
    private final List<String> filter = new ArrayList<>();
    private final List<String> nat = new ArrayList<>();

    void add(String table, String chain, String rule) {
      lines(table).add("-A " + chain + " " + rule);
    }

    /** {@code rule} as {@code iptables -S} printed it ({@code -A CHAIN ...}). */
    void delete(String table, String rule) {
      lines(table).add("-D" + rule.substring(2));
    }

    void apply(HostNamespace host) {
      if (filter.isEmpty() && nat.isEmpty()) {
        return;
      }
      var text = new StringBuilder();
      if (!filter.isEmpty()) {
        text.append("*filter\n").append(String.join("\n", filter)).append("\nCOMMIT\n");
      }
      if (!nat.isEmpty()) {
        text.append("*nat\n").append(String.join("\n", nat)).append("\nCOMMIT\n");
      }
      host.run(List.of("iptables-restore", "-w", "--noflush"), Optional.of(text.toString()))
          .orThrow();
    }

    private List<String> lines(String table) {
      return table.equals("nat") ? nat : filter;
    }
  }
}
