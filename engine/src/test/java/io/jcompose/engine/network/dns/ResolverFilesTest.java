package io.jcompose.engine.network.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolverFilesTest {

  @Test
  void resolvConf_namesTheServer_andSetsNdotsZeroUnlessGiven() {
    assertThat(ResolverFiles.resolvConf(List.of("10.213.0.1"), List.of(), List.of()))
        .isEqualTo("nameserver 10.213.0.1\noptions ndots:0\n");
    assertThat(
            ResolverFiles.resolvConf(
                List.of("10.213.0.1"), List.of("corp.example"), List.of("ndots:2", "timeout:1")))
        .isEqualTo("nameserver 10.213.0.1\nsearch corp.example\noptions ndots:2 timeout:1\n");
  }

  @Test
  void hosts_listsLocalhostThenExtrasThenTheContainer() {
    String hosts =
        ResolverFiles.hosts(
            Optional.of("10.213.0.2"),
            List.of("abc123"),
            List.of(ResolverFiles.HostEntry.parse("registry:192.0.2.9")));

    assertThat(hosts)
        .startsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n")
        .endsWith("192.0.2.9\tregistry\n10.213.0.2\tabc123\n");
    assertThat(ResolverFiles.HostEntry.parse("v6:2001:db8::1").address()).isEqualTo("2001:db8::1");
    assertThatThrownBy(() -> ResolverFiles.HostEntry.parse("nocolon"))
        .hasMessageContaining("invalid extra host \"nocolon\"");
  }

  @Test
  void upstreams_areTheNameserverLinesOfResolvConf_loopbackStubsIncluded() {
    Upstreams upstreams =
        Upstreams.fromResolvConf(
            "# generated\nnameserver 127.0.0.53\nnameserver 10.255.255.53\noptions edns0\n"
                + "nameserver fe80::1%eth0\nnameserver bogus\n");

    assertThat(upstreams.servers())
        .extracting(server -> server.getAddress().getHostAddress())
        .containsExactly("127.0.0.53", "10.255.255.53", "fe80:0:0:0:0:0:0:1");
  }
}
