package io.jcompose.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

  @Test
  void parse_readsAddressAndPrefix_andABareAddressIsA32() {
    Cidr interfaceAddress = Cidr.parse("10.213.0.2/24");

    assertThat(interfaceAddress.addressText()).isEqualTo("10.213.0.2");
    assertThat(interfaceAddress.subnet()).hasToString("10.213.0.0/24");
    assertThat(interfaceAddress.isSubnet()).isFalse();
    assertThat(Cidr.parse("192.0.2.7")).hasToString("192.0.2.7/32");
    assertThat(Cidr.parse("0.0.0.0/0").size()).isEqualTo(1L << 32);
  }

  @Test
  void overlapsAndContains_compareRanges() {
    Cidr pool = Cidr.parse("10.213.0.0/16");

    assertThat(pool.contains(Cidr.parse("10.213.7.0/24"))).isTrue();
    assertThat(Cidr.parse("10.213.7.0/24").contains(pool)).isFalse();
    assertThat(pool.overlaps(Cidr.parse("10.0.0.0/8"))).isTrue();
    assertThat(pool.overlaps(Cidr.parse("10.214.0.0/24"))).isFalse();
    assertThat(pool.at(258)).hasToString("10.213.1.2/16");
  }

  @Test
  void malformedText_isQuotedInTheError() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.256/24"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid IPv4 address \"10.0.0.256/24\"");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33"))
        .hasMessage("invalid IPv4 CIDR \"10.0.0.0/33\"");
    assertThatThrownBy(() -> IpamConfig.parse("10.1.0.0/24", "10.2.0.1", null))
        .hasMessage("gateway 10.2.0.1 is not in subnet 10.1.0.0/24");
  }
}
