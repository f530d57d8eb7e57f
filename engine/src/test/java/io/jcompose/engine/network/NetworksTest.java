package io.jcompose.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import io.jcompose.engine.network.proxy.Protocol;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Real bridges, veths, namespaces and iptables rules, inside a private test host. */
class NetworksTest {

  static final ThreadFactory THREADS =
      runnable -> {
        var thread = new Thread(runnable, "networks-test");
        thread.setDaemon(true);
        return thread;
      };
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path state;
  private TestHost host;
  private final List<Networks> opened = new ArrayList<>();
  private final List<NetworkEvent> events = new ArrayList<>();

  @BeforeEach
  void createTestHost() {
    host = TestHost.create();
  }

  @AfterEach
  void removeTestHost() {
    try {
      opened.forEach(Networks::close);
    } finally {
      host.close();
    }
  }

  @Test
  void twoEndpointsOnOneBridge_reachEachOther_thoughForwardDropsEverythingElse() throws Exception {
    assertThat(host.run("iptables", "-S", "FORWARD").orThrow().stdout())
        .contains("-P FORWARD DROP");
    assertThat(host.run("sysctl", "-n", "net.bridge.bridge-nf-call-iptables").stdout().strip())
        .as("br_netfilter must be loaded, so bridged frames pass FORWARD")
        .isEqualTo("1");
    Networks networks = open();
    Network network = networks.create(NetworkRequest.bridge("front"));
    Endpoint client = networks.connect("c1", "front", EndpointRequest.named("demo-client-1"));
    Endpoint server = networks.connect("c2", "front", EndpointRequest.named("demo-server-1"));

    String answer = exchange(namespaceOf(networks, "c1"), namespaceOf(networks, "c2"), server);

    assertThat(answer).isEqualTo("echo:hello");
    assertThat(acceptedWithinBridge(bridgeOf(network))).isPositive();
    assertThat(client.address().toString())
        .isEqualTo(network.addressing().orElseThrow().subnet().at(2).toString());
    assertThat(server.address()).isEqualTo(network.addressing().orElseThrow().subnet().at(3));
    assertThat(host.run("iptables", "-t", "nat", "-S").orThrow().stdout())
        .contains(
            "-A "
                + host.prefix.toUpperCase()
                + "-POSTROUTING -s "
                + network.addressing().orElseThrow().subnet()
                + " ! -o "
                + bridgeOf(network)
                + " -j MASQUERADE");
  }

  @Test
  void endpoint_hasItsAddressMacAndDefaultRouteInsideTheNamespace() throws Exception {
    Networks networks = open();
    Network network = networks.create(NetworkRequest.bridge("front"));

    Endpoint endpoint = networks.connect("c1", "front", EndpointRequest.named("web-1"));

    String namespace = namespaceOf(networks, "c1");
    JsonNode eth0 = JSON.readTree(run("ip", "-n", namespace, "-j", "addr", "show", "eth0")).get(0);
    assertThat(eth0.path("address").asText()).isEqualTo(endpoint.macAddress());
    assertThat(eth0.path("addr_info").get(0).path("local").asText())
        .isEqualTo(endpoint.address().addressText());
    assertThat(run("ip", "-n", namespace, "route", "show", "default"))
        .contains("default via " + network.addressing().orElseThrow().gateway().addressText());
    assertThat(run("ip", "-n", namespace, "-j", "link", "show", "lo")).contains("\"UP\"");
    assertThat(networks.namespacePath("c1")).contains(Path.of("/var/run/netns", namespace));
  }

  @Test
  void internalNetwork_getsNoMasqueradeAndNoDefaultRoute() throws Exception {
    Networks networks = open();
    Network network = networks.create(NetworkRequest.bridge("back").withInternal(true));

    networks.connect("c1", "back", EndpointRequest.named("db-1"));

    String subnet = network.addressing().orElseThrow().subnet().toString();
    assertThat(host.run("iptables", "-t", "nat", "-S").orThrow().stdout()).doesNotContain(subnet);
    assertThat(host.run("iptables", "-S").orThrow().stdout())
        .contains("-i " + bridgeOf(network) + " -j DROP")
        .contains("-o " + bridgeOf(network) + " -j DROP");
    assertThat(run("ip", "-n", namespaceOf(networks, "c1"), "route", "show", "default")).isBlank();
  }

  @Test
  void secondNetwork_isEth1_andTakesTheDefaultRouteWhenTheFirstLeaves() throws Exception {
    Networks networks = open();
    networks.create(NetworkRequest.bridge("one"));
    Network two = networks.create(NetworkRequest.bridge("two"));
    networks.connect("c1", "one", EndpointRequest.named("app-1"));

    Endpoint second = networks.connect("c1", "two", EndpointRequest.named("app-1"));
    networks.disconnect("c1", "one");

    String namespace = namespaceOf(networks, "c1");
    assertThat(second.interfaceName()).isEqualTo("eth1");
    assertThat(run("ip", "-n", namespace, "-br", "addr")).contains("eth1").doesNotContain("eth0");
    assertThat(run("ip", "-n", namespace, "route", "show", "default"))
        .contains("via " + two.addressing().orElseThrow().gateway().addressText() + " dev eth1");
    assertThat(networks.endpointsOf("c1")).extracting(Endpoint::networkName).containsExactly("two");
  }

  @Test
  void teardown_leavesNoLinkNamespaceRuleOrChainOfOurs() throws Exception {
    Networks networks = open();
    networks.create(NetworkRequest.bridge("front"));
    networks.create(NetworkRequest.bridge("back").withInternal(true));
    networks.connect("c1", "front", EndpointRequest.named("web-1"));
    networks.connect("c1", "back", EndpointRequest.named("web-1"));
    networks.connect("c2", "back", EndpointRequest.named("db-1"));
    networks.connect("c3", "bridge", EndpointRequest.named("loner"));

    networks.release("c1");
    networks.disconnect("c2", "back");
    networks.release("c2");
    networks.release("c3");
    networks.remove("front");
    networks.remove("back");

    assertNothingOfOursInTheTestHost();
    assertThat(networks.list()).extracting(Network::name).containsExactly("bridge", "host", "none");
  }

  @Test
  void networkRules_areRemovedExactly_whileAnotherNetworkKeepsTheChains() throws Exception {
    Networks networks = open();
    Network front = networks.create(NetworkRequest.bridge("front"));
    Network back = networks.create(NetworkRequest.bridge("back"));
    networks.connect("c1", "front", EndpointRequest.named("web-1"));
    networks.connect("c2", "back", EndpointRequest.named("db-1"));

    networks.release("c1");

    String filter = host.run("iptables", "-S").orThrow().stdout();
    String nat = host.run("iptables", "-t", "nat", "-S").orThrow().stdout();
    assertThat(filter + nat).doesNotContain(bridgeOf(front)).contains(bridgeOf(back));
    assertThat(run("ip", "-j", "link")).doesNotContain(bridgeOf(front)).contains(bridgeOf(back));
  }

  @Test
  void dns_answersNamesOnTheNetwork_asEndpointsComeAndGo() throws Exception {
    Networks networks = open();
    networks.create(NetworkRequest.bridge("front"));
    Endpoint web = networks.connect("c1", "front", EndpointRequest.named("demo-web-1", "web"));
    Endpoint db = networks.connect("c2", "front", EndpointRequest.named("demo-db-1", "db"));
    var server = networks.nameServerAddress("front").orElseThrow();

    assertThat(ask(server, "web")).containsExactly(web.address().addressText());
    assertThat(ask(server, "demo-db-1")).containsExactly(db.address().addressText());
    assertThat(web.dnsNames()).containsExactly("demo-web-1", "web", "c1");

    networks.release("c1");

    assertThat(ask(server, "web")).isEmpty();
    assertThat(ask(server, "db")).containsExactly(db.address().addressText());
  }

  @Test
  void nameServerOnTheGateway_answersAContainer_overUdpAndTcp() throws Exception {
    Networks networks = open();
    Network network = networks.create(NetworkRequest.bridge("front"));
    networks.connect("c1", "front", EndpointRequest.named("client-1"));
    String gateway = network.addressing().orElseThrow().gateway().addressText();
    // the engine's server, bound to the gateway inside the test host, where the bridge is
    Process server =
        new ProcessBuilder(probe(host.name, "dns-serve", gateway, "web", "10.213.0.77"))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (var output = server.getOutputStream()) {
      var ready =
          new BufferedReader(
              new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      assertThat(ready.readLine()).isEqualTo("ready");

      for (String transport : List.of("udp", "tcp")) {
        HostCommand.Result answer =
            HostCommand.run(
                probe(namespaceOf(networks, "c1"), "dns-ask", gateway, "web", transport));
        HostCommand.Result unknown =
            HostCommand.run(
                probe(namespaceOf(networks, "c1"), "dns-ask", gateway, "nosuch", transport));

        assertThat(answer.stdout().strip()).as(answer.stderr()).isEqualTo("10.213.0.77");
        assertThat(unknown.stdout().strip()).as(unknown.stderr()).isEqualTo("NXDOMAIN");
      }
    } finally {
      server.waitFor();
      server.destroyForcibly();
    }
  }

  @Test
  void resolverFiles_pointAtTheGatewayAndNameTheContainer() {
    Networks networks = open();
    Network network = networks.create(NetworkRequest.bridge("front"));
    Endpoint endpoint = networks.connect("c1", "front", EndpointRequest.named("web-1"));

    String gateway = network.addressing().orElseThrow().gateway().addressText();
    assertThat(networks.resolvConf("c1", ResolverOptions.none()))
        .isEqualTo("nameserver " + gateway + "\noptions ndots:0\n");
    assertThat(
            networks.hosts(
                "c1",
                "abc123",
                List.of(
                    io.jcompose.engine.network.dns.ResolverFiles.HostEntry.parse(
                        "host.docker.internal:host-gateway"))))
        .startsWith("127.0.0.1\tlocalhost\n")
        .contains(gateway + "\thost.docker.internal\n")
        .endsWith(endpoint.address().addressText() + "\tabc123\n");
  }

  @Test
  void networkApiErrors_speakDockersWords() {
    Networks networks = open();
    networks.create(NetworkRequest.bridge("front"));
    networks.connect("c1", "front", EndpointRequest.named("web-1"));

    assertThatThrownBy(() -> networks.create(NetworkRequest.bridge("front")))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessage("network with name front already exists");
    assertThatThrownBy(() -> networks.remove("front"))
        .isInstanceOf(EngineFault.Forbidden.class)
        .hasMessageContaining("has active endpoints");
    assertThatThrownBy(() -> networks.remove("bridge"))
        .isInstanceOf(EngineFault.Forbidden.class)
        .hasMessage("bridge is a pre-defined network and cannot be removed");
    assertThatThrownBy(() -> networks.inspect("nosuch"))
        .isInstanceOf(EngineFault.NotFound.class)
        .hasMessage("network nosuch not found");
    assertThatThrownBy(() -> networks.connect("c1", "front", EndpointRequest.named("web-1")))
        .isInstanceOf(EngineFault.Forbidden.class)
        .hasMessage("endpoint with name web-1 already exists in network front");
    assertThatThrownBy(() -> networks.connect("c1", "host", EndpointRequest.named("web-1")))
        .isInstanceOf(EngineFault.Forbidden.class);
    networks.release("c1");
  }

  @Test
  void crashLeftovers_areRemovedByTheNextInstance_whenNoContainerSurvived() throws Exception {
    Networks crashed = open();
    crashed.create(NetworkRequest.bridge("front"));
    crashed.create(NetworkRequest.bridge("back").withInternal(true));
    crashed.connect("c1", "front", EndpointRequest.named("web-1"));
    crashed.connect("c1", "back", EndpointRequest.named("web-1"));
    crashed.connect("c2", "bridge", EndpointRequest.named("other"));
    crashed.close(); // the objects are dropped; every kernel object stays

    Networks restarted = open();
    restarted.reconcile(Set.of());

    assertNothingOfOursInTheTestHost();
    assertThat(restarted.endpointsOf("c1")).isEmpty();
    assertThat(events)
        .anySatisfy(event -> assertThat(event).isInstanceOf(NetworkEvent.LeftoverRemoved.class));
  }

  @Test
  void crashLeftovers_withoutRecords_areFoundByTheirPrefix() throws Exception {
    Networks crashed = open();
    crashed.create(NetworkRequest.bridge("front"));
    crashed.connect("c1", "front", EndpointRequest.named("web-1"));
    crashed.close();

    Networks fresh = open(state.resolve("elsewhere"));
    fresh.reconcile(Set.of());

    assertNothingOfOursInTheTestHost();
  }

  @Test
  void survivingContainer_keepsItsEndpoint_andItsNetworkGetsDnsBack() throws Exception {
    Networks before = open();
    before.create(NetworkRequest.bridge("front"));
    Endpoint kept = before.connect("c1", "front", EndpointRequest.named("web-1", "web"));
    before.connect("c2", "front", EndpointRequest.named("gone-1"));
    before.close();

    Networks after = open();
    after.reconcile(Set.of("c1"));

    assertThat(after.endpointsOf("c1")).containsExactly(kept);
    assertThat(after.endpointsOf("c2")).isEmpty();
    assertThat(ask(after.nameServerAddress("front").orElseThrow(), "web"))
        .containsExactly(kept.address().addressText());
    assertThat(host.containerNamespaces()).containsExactly(host.prefix + "-c1");
    assertThat(after.connect("c3", "front", EndpointRequest.named("next")).address())
        .as("the address of the removed container is free again")
        .isEqualTo(kept.address().subnet().at(3));
    after.release("c1");
    after.release("c3");
    assertNothingOfOursInTheTestHost();
  }

  @Test
  void publishedPorts_reportThePickedPort_refuseATakenOne_andAreBoundAgainAfterARestart()
      throws Exception {
    Networks networks = open();
    networks.create(NetworkRequest.bridge("front"));
    networks.connect("c1", "front", EndpointRequest.named("web-1"));
    networks.connect("c2", "front", EndpointRequest.named("web-2"));

    List<PortBinding> published =
        networks.publish("c1", List.of(new PortBinding(80, Protocol.TCP, "127.0.0.1", 0)));
    int port = published.get(0).hostPort();

    assertThat(port).isPositive();
    assertThat(networks.published("c1")).isEqualTo(published);
    assertThatThrownBy(
            () ->
                networks.publish(
                    "c2", List.of(new PortBinding(80, Protocol.TCP, "127.0.0.1", port))))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessage("Bind for 127.0.0.1:" + port + " failed: port is already allocated");
    networks.close();
    assertThat(bindable(port)).as("a stopped engine holds no port").isTrue();

    Networks restarted = open();
    restarted.reconcile(Set.of("c1", "c2"));

    assertThat(bindable(port)).as("the surviving container's port is bound again").isFalse();
    restarted.unpublish("c1");
    assertThat(bindable(port)).isTrue();
    restarted.release("c1");
    restarted.release("c2");
    assertNothingOfOursInTheTestHost();
  }

  // ---- helpers ----

  private static boolean bindable(int port) throws Exception {
    try (var socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (BindException e) {
      return false;
    }
  }

  private Networks open() {
    return open(state);
  }

  private Networks open(Path directory) {
    Networks networks =
        Networks.open(
            directory, host.settings(), host.namespace, THREADS, Clock.systemUTC(), events::add);
    opened.add(networks);
    return networks;
  }

  private String namespaceOf(Networks networks, String containerId) {
    return networks.namespacePath(containerId).orElseThrow().getFileName().toString();
  }

  private String bridgeOf(Network network) {
    return host.prefix + "-" + network.id().substring(0, 14 - host.prefix.length());
  }

  private String run(String... argv) {
    return host.run(argv).orThrow().stdout();
  }

  /** Packets the same-bridge ACCEPT rule of our FORWARD chain let through. */
  private long acceptedWithinBridge(String bridge) {
    String rules = run("iptables", "-v", "-S", host.prefix.toUpperCase() + "-FORWARD");
    for (String line : rules.lines().toList()) {
      if (line.contains("-i " + bridge + " -o " + bridge) && line.contains("-c ")) {
        String[] counters = line.substring(line.indexOf("-c ") + 3).split("\\s+");
        return Long.parseLong(counters[0]);
      }
    }
    throw new AssertionError("no same-bridge rule for " + bridge + " in\n" + rules);
  }

  /** Starts an echo server in one namespace and asks it from the other, by address. */
  private String exchange(String clientNamespace, String serverNamespace, Endpoint server)
      throws Exception {
    Process serving =
        new ProcessBuilder(probe(serverNamespace, "serve", "7070"))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      var ready =
          new BufferedReader(
              new InputStreamReader(serving.getInputStream(), StandardCharsets.UTF_8));
      assertThat(ready.readLine()).isEqualTo("ready");
      HostCommand.Result asked =
          HostCommand.run(
              probe(clientNamespace, "ask", server.address().addressText(), "7070", "hello"));
      assertThat(asked.exitCode()).as(asked.stderr()).isZero();
      serving.waitFor();
      return asked.stdout().strip();
    } finally {
      serving.destroyForcibly();
    }
  }

  private static List<String> probe(String namespace, String... args) {
    var argv =
        new ArrayList<>(
            List.of(
                "nsenter",
                "--net=/var/run/netns/" + namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                NamespaceProbe.class.getName()));
    argv.addAll(List.of(args));
    return argv;
  }

  private static List<String> ask(java.net.InetSocketAddress server, String name) throws Exception {
    var resolver = new SimpleResolver(server);
    resolver.setTimeout(java.time.Duration.ofSeconds(10));
    Message reply =
        resolver.send(
            Message.newQuery(
                Record.newRecord(Name.fromString(name, Name.root), Type.A, DClass.IN)));
    if (reply.getRcode() == Rcode.NXDOMAIN) {
      return List.of();
    }
    return reply.getSection(Section.ANSWER).stream()
        .map(record -> ((ARecord) record).getAddress().getHostAddress())
        .toList();
  }

  private void assertNothingOfOursInTheTestHost() throws Exception {
    String chainPrefix = host.prefix.toUpperCase() + "-";
    for (JsonNode link : JSON.readTree(run("ip", "-j", "link"))) {
      assertThat(link.path("ifname").asText()).doesNotStartWith(host.prefix);
    }
    assertThat(run("iptables", "-S")).doesNotContain(chainPrefix).doesNotContain(host.prefix);
    assertThat(run("iptables", "-t", "nat", "-S"))
        .doesNotContain(chainPrefix)
        .doesNotContain(host.prefix);
    assertThat(host.containerNamespaces()).isEmpty();
  }
}
