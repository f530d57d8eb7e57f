package io.jcompose.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The engine's kernel links, through iproute2: bridges, veth pairs and container network
 * namespaces. Endpoints are made in two {@code ip -b} batches (host side, then inside the
 * namespace), as engine-recipes §3 measured (6 ms instead of 17 ms for separate calls).
 */
final class Links {

  private static final Path NAMESPACES = Path.of("/var/run/netns");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What teardown finds already gone; anything else it prints is a failure. */
  private static final List<String> ALREADY_GONE =
      List.of("Cannot find device", "No such file or directory", "Command failed");

  /** A link of the host namespace: its name, kind ({@code bridge}, {@code veth}...) and master. */
  record Link(String name, String kind, Optional<String> master) {}

  /** One container-side interface to make: a veth whose peer becomes {@code interfaceName}. */
  record Plug(
      String hostVeth,
      String bridge,
      String interfaceName,
      Cidr address,
      String macAddress,
      Optional<Cidr> defaultGateway) {}

  private final HostNamespace host;

  Links(HostNamespace host) {
    HostCommand.require("ip", "iproute2");
    this.host = host;
  }

  /** A locally administered unicast MAC address made of an object's (random) hex id. */
  static String macAddress(String hexId) {
    var mac = new StringBuilder("02");
    for (int index = 0; index < 10; index += 2) {
      mac.append(':').append(hexId, index, index + 2);
    }
    return mac.toString();
  }

  static Path namespacePath(String name) {
    return NAMESPACES.resolve(name);
  }

  /** Makes the bridge, or leaves an existing one; either way with its address and up. */
  void ensureBridge(String bridge, Cidr gateway, String macAddress) {
    tolerating(
        List.of("File exists", "Command failed"),
        "link add name "
            + bridge
            + " address "
            + macAddress
            + " type bridge\n"
            + "addr replace "
            + gateway
            + " dev "
            + bridge
            + "\n"
            + "link set "
            + bridge
            + " up\n");
  }

  /** A namespace with nothing but loopback up. */
  void createNamespace(String namespace) {
    batch(List.of("-b", "-"), "netns add " + namespace + "\n");
    batch(List.of("-n", namespace, "-b", "-"), "link set lo up\n");
  }

  /**
   * Plugs a container into a bridge: a veth pair with one end on the bridge and the other inside
   * the namespace, addressed and up; the namespace is made first when {@code newNamespace}.
   */
  void plug(String namespace, boolean newNamespace, Plug plug) {
    var hostSide = new StringBuilder();
    if (newNamespace) {
      hostSide.append("netns add ").append(namespace).append('\n');
    }
    hostSide
        .append("link add ")
        .append(plug.hostVeth())
        .append(" type veth peer name ")
        .append(plug.interfaceName())
        .append(" address ")
        .append(plug.macAddress())
        .append(" netns ")
        .append(namespace)
        .append('\n')
        .append("link set ")
        .append(plug.hostVeth())
        .append(" master ")
        .append(plug.bridge())
        .append(" up\n");
    batch(List.of("-b", "-"), hostSide.toString());
    var inside = new StringBuilder();
    inside.append("addr add ").append(plug.address()).append(" dev ").append(plug.interfaceName());
    inside.append('\n');
    if (newNamespace) {
      inside.append("link set lo up\n");
    }
    inside.append("link set ").append(plug.interfaceName()).append(" up\n");
    plug.defaultGateway()
        .ifPresent(
            gateway ->
                inside.append("route add default via ").append(gateway.addressText()).append('\n'));
    batch(List.of("-n", namespace, "-b", "-"), inside.toString());
  }

  /** Points the namespace's default route at another gateway. */
  void replaceDefaultRoute(String namespace, Cidr gateway) {
    batch(
        List.of("-n", namespace, "-b", "-"),
        "route replace default via " + gateway.addressText() + "\n");
  }

  /**
   * Deletes links, then namespaces, in that order: deleting a host veth is synchronous and takes
   * its peer with it, while {@code ip netns del} returns before the kernel has destroyed the
   * namespace (a veth left inside would keep its name taken for a while). Missing ones are fine.
   */
  void delete(Collection<String> links, Collection<String> namespaces) {
    var lines = new StringBuilder();
    links.forEach(link -> lines.append("link del ").append(link).append('\n'));
    namespaces.forEach(namespace -> lines.append("netns del ").append(namespace).append('\n'));
    if (lines.length() > 0) {
      tolerating(ALREADY_GONE, lines.toString());
    }
  }

  List<Link> links() {
    JsonNode array = json(host.run(List.of("ip", "-j", "-d", "link", "show")).orThrow().stdout());
    var links = new ArrayList<Link>();
    for (JsonNode link : array) {
      links.add(
          new Link(
              link.path("ifname").asText(),
              link.path("linkinfo").path("info_kind").asText(""),
              Optional.ofNullable(link.get("master")).map(JsonNode::asText)));
    }
    return links;
  }

  List<String> namespaces() {
    String text = host.run(List.of("ip", "-j", "netns", "list")).orThrow().stdout();
    var names = new ArrayList<String>();
    if (!text.isBlank()) {
      json(text).forEach(namespace -> names.add(namespace.path("name").asText()));
    }
    return names;
  }

  /** Every IPv4 destination routed in any table, and every address, of the host namespace. */
  List<Cidr> routed() {
    var routed = new ArrayList<Cidr>();
    for (JsonNode route :
        json(
            host.run(List.of("ip", "-j", "-4", "route", "show", "table", "all"))
                .orThrow()
                .stdout())) {
      String destination = route.path("dst").asText("default");
      if (!destination.equals("default")) {
        parse(destination).ifPresent(routed::add);
      }
    }
    for (JsonNode link :
        json(host.run(List.of("ip", "-j", "-4", "addr", "show")).orThrow().stdout())) {
      for (JsonNode address : link.path("addr_info")) {
        parse(address.path("local").asText() + "/" + address.path("prefixlen").asInt(32))
            .map(Cidr::subnet)
            .ifPresent(routed::add);
      }
    }
    return routed;
  }

  private static Optional<Cidr> parse(String text) {
    try {
      return Optional.of(Cidr.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void batch(List<String> options, String lines) {
    var argv = new ArrayList<String>();
    argv.add("ip");
    argv.addAll(options);
    host.run(argv, Optional.of(lines)).orThrow();
  }

  /**
   * Runs a host-side batch with {@code -force} (every line is tried); fails only on messages not in
   * {@code tolerated}.
   */
  private void tolerating(List<String> tolerated, String lines) {
    HostCommand.Result result = host.run(List.of("ip", "-force", "-b", "-"), Optional.of(lines));
    if (result.succeeded()) {
      return;
    }
    List<String> unexpected =
        result
            .stderr()
            .lines()
            .filter(line -> !line.isBlank())
            .filter(line -> tolerated.stream().noneMatch(line::contains))
            .toList();
    if (!unexpected.isEmpty()) {
      throw new EngineFault.Internal(
          "ip -b failed on\n" + lines + "with: " + String.join("; ", unexpected), null);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read the JSON printed by ip: " + text, e);
    }
  }
}
