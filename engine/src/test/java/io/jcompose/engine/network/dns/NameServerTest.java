package io.jcompose.engine.network.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class NameServerTest {

  private static final ThreadFactory THREADS =
      runnable -> {
        var thread = new Thread(runnable, "name-server-test");
        thread.setDaemon(true);
        return thread;
      };
  private static final InetSocketAddress LOOPBACK_ANY_PORT =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  private final java.util.List<NameServer> servers = new java.util.ArrayList<>();

  @AfterEach
  void closeServers() {
    servers.forEach(NameServer::close);
  }

  @ParameterizedTest(name = "tcp={0}")
  @ValueSource(booleans = {false, true})
  void containerName_isAnsweredWithItsAddresses(boolean tcp) throws Exception {
    var table = new NameTable();
    table.replace(
        List.of(
            new NameTable.Entry(ipv4("10.213.0.2"), List.of("demo-web-1", "web")),
            new NameTable.Entry(ipv4("10.213.0.3"), List.of("demo-web-2", "web"))));
    NameServer server = start(table, Upstreams.none());

    Message single = ask(server, "demo-web-1.", Type.A, tcp);
    Message service = ask(server, "WEB", Type.A, tcp);

    assertThat(single.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(addresses(single)).containsExactly("10.213.0.2");
    assertThat(addresses(service)).containsExactlyInAnyOrder("10.213.0.2", "10.213.0.3");
    assertThat(service.getHeader().getFlag(Flags.AA)).isTrue();
  }

  @ParameterizedTest(name = "tcp={0}")
  @ValueSource(booleans = {false, true})
  void otherTypesOfAKnownName_getNoErrorWithNoAnswer(boolean tcp) throws Exception {
    var table = new NameTable();
    table.replace(List.of(new NameTable.Entry(ipv4("10.213.0.2"), List.of("web"))));
    NameServer server = start(table, Upstreams.none());

    Message aaaa = ask(server, "web", Type.AAAA, tcp);
    Message mx = ask(server, "web", Type.MX, tcp);

    assertThat(aaaa.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(aaaa.getSection(Section.ANSWER)).isEmpty();
    assertThat(mx.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(mx.getSection(Section.ANSWER)).isEmpty();
  }

  @ParameterizedTest(name = "tcp={0}")
  @ValueSource(booleans = {false, true})
  void unknownName_withoutUpstreams_isNxdomain(boolean tcp) throws Exception {
    NameServer server = start(new NameTable(), Upstreams.none());

    Message reply = ask(server, "nosuch", Type.A, tcp);

    assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @ParameterizedTest(name = "tcp={0}")
  @ValueSource(booleans = {false, true})
  void unknownName_isForwardedToTheUpstreamServers(boolean tcp) throws Exception {
    var upstreamTable = new NameTable();
    upstreamTable.replace(
        List.of(new NameTable.Entry(ipv4("192.0.2.7"), List.of("registry.example.test"))));
    NameServer upstream = start(upstreamTable, Upstreams.none());
    var localTable = new NameTable();
    localTable.replace(List.of(new NameTable.Entry(ipv4("10.213.0.2"), List.of("web"))));
    NameServer server =
        start(localTable, new Upstreams(List.of(upstream.address()), Duration.ofSeconds(5)));

    Message forwarded = ask(server, "registry.example.test", Type.A, tcp);
    Message unknownUpstream = ask(server, "nosuch.example.test", Type.A, tcp);

    assertThat(addresses(forwarded)).containsExactly("192.0.2.7");
    assertThat(unknownUpstream.getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void silentUpstream_givesServerFailure() throws Exception {
    // a bound socket that never answers stands for a dead upstream
    try (var silent = new java.net.DatagramSocket(LOOPBACK_ANY_PORT)) {
      NameServer server =
          start(
              new NameTable(),
              new Upstreams(
                  List.of((InetSocketAddress) silent.getLocalSocketAddress()),
                  Duration.ofMillis(200)));

      Message reply = ask(server, "anything.example.test", Type.A, false);

      assertThat(reply.getRcode()).isEqualTo(Rcode.SERVFAIL);
    }
  }

  @Test
  void containerAddress_isAnsweredInReverseWithItsFirstName() throws Exception {
    var table = new NameTable();
    table.replace(List.of(new NameTable.Entry(ipv4("10.213.0.2"), List.of("demo-web-1", "web"))));
    NameServer server = start(table, Upstreams.none());

    Message reply = ask(server, ReverseMap.fromAddress("10.213.0.2").toString(), Type.PTR, false);

    assertThat(reply.getSection(Section.ANSWER))
        .singleElement()
        .satisfies(
            record ->
                assertThat(((PTRRecord) record).getTarget().toString()).isEqualTo("demo-web-1."));
  }

  @Test
  void replacedTable_isServedAtOnce() throws Exception {
    var table = new NameTable();
    table.replace(List.of(new NameTable.Entry(ipv4("10.213.0.2"), List.of("web"))));
    NameServer server = start(table, Upstreams.none());

    table.replace(List.of());

    assertThat(ask(server, "web", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void takenAddress_isReportedAsUnavailable() {
    NameServer first = start(new NameTable(), Upstreams.none());

    assertThatThrownBy(() -> start(new NameTable(), Upstreams.none(), first.address()))
        .isInstanceOf(EngineFault.Unavailable.class)
        .hasMessageContaining("cannot serve DNS on 127.0.0.1:" + first.address().getPort());
  }

  private NameServer start(NameTable table, Upstreams upstreams) {
    return start(table, upstreams, LOOPBACK_ANY_PORT);
  }

  private NameServer start(NameTable table, Upstreams upstreams, InetSocketAddress address) {
    NameServer server = NameServer.start(address, table, upstreams, THREADS);
    servers.add(server);
    return server;
  }

  private static Message ask(NameServer server, String name, int type, boolean tcp)
      throws Exception {
    var resolver = new SimpleResolver(server.address());
    resolver.setTCP(tcp);
    resolver.setTimeout(Duration.ofSeconds(10));
    Record question = Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN);
    return resolver.send(Message.newQuery(question));
  }

  private static List<String> addresses(Message reply) {
    return reply.getSection(Section.ANSWER).stream()
        .map(record -> ((ARecord) record).getAddress().getHostAddress())
        .toList();
  }

  private static Inet4Address ipv4(String dotted) throws Exception {
    return (Inet4Address) InetAddress.getByName(dotted);
  }
}
