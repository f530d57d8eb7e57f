package io.jcompose.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.state.RecordStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpamTest {

  @TempDir Path directory;

  private final NetworkSettings settings = NetworkSettings.defaults();

  @Test
  void subnets_comeFromThePoolInOrder_andAddressesStartAfterTheGateway() {
    Ipam ipam = new Ipam(new RecordStore(directory), settings);

    Addressing first = ipam.allocateNetwork("n1", IpamConfig.automatic(), List.of());
    Addressing second = ipam.allocateNetwork("n2", IpamConfig.automatic(), List.of());

    assertThat(first.subnet()).hasToString("10.213.0.0/24");
    assertThat(first.gateway()).hasToString("10.213.0.1/24");
    assertThat(second.subnet()).hasToString("10.213.1.0/24");
    assertThat(ipam.allocateAddress("n1", "e1", Optional.empty())).hasToString("10.213.0.2/24");
    assertThat(ipam.allocateAddress("n1", "e2", Optional.empty())).hasToString("10.213.0.3/24");
    assertThat(ipam.allocateAddress("n1", "e1", Optional.empty()))
        .as("asking again for an endpoint returns its address")
        .hasToString("10.213.0.2/24");
  }

  @Test
  void subnetsRoutedOnTheHost_andOtherEnginesRanges_areSkipped() {
    Ipam ipam = new Ipam(new RecordStore(directory), settings);

    Addressing addressing =
        ipam.allocateNetwork(
            "n1",
            IpamConfig.automatic(),
            List.of(Cidr.parse("10.213.0.0/23"), Cidr.parse("10.213.2.128/25")));
    var podmanish =
        new Ipam(
            new RecordStore(directory.resolve("podman")),
            settings.withPool(Cidr.parse("10.88.0.0/15"), 16));
    var dockerish =
        new Ipam(
            new RecordStore(directory.resolve("docker")),
            settings.withPool(Cidr.parse("172.16.0.0/12"), 16));

    assertThat(addressing.subnet()).hasToString("10.213.3.0/24");
    assertThat(podmanish.allocateNetwork("n1", IpamConfig.automatic(), List.of()).subnet())
        .as("podman's 10.88.0.0/16 is avoided")
        .hasToString("10.89.0.0/16");
    assertThatThrownBy(() -> dockerish.allocateNetwork("n1", IpamConfig.automatic(), List.of()))
        .as("docker's 172.17-31 defaults are avoided")
        .isInstanceOf(EngineFault.Unavailable.class)
        .hasMessageContaining("could not find an available, non-overlapping IPv4 address pool");
  }

  @Test
  void releasedAddressesAndSubnets_areHandedOutAgain() {
    Ipam ipam = new Ipam(new RecordStore(directory), settings);
    ipam.allocateNetwork("n1", IpamConfig.automatic(), List.of());
    ipam.allocateAddress("n1", "e1", Optional.empty());
    ipam.allocateAddress("n1", "e2", Optional.empty());

    ipam.releaseAddress("n1", "e1");
    ipam.releaseNetwork("n1");
    ipam.allocateNetwork("n2", IpamConfig.automatic(), List.of());
    ipam.allocateAddress("n2", "e3", Optional.empty());
    ipam.allocateAddress("n2", "e4", Optional.empty());
    ipam.releaseAddress("n2", "e3");

    assertThat(ipam.addressing("n2").orElseThrow().subnet()).hasToString("10.213.0.0/24");
    assertThat(ipam.allocateAddress("n2", "e5", Optional.empty())).hasToString("10.213.0.2/24");
  }

  @Test
  void allocations_surviveANewInstance() {
    Ipam before = new Ipam(new RecordStore(directory), settings);
    before.allocateNetwork("n1", IpamConfig.automatic(), List.of());
    before.allocateAddress("n1", "e1", Optional.empty());

    Ipam after = new Ipam(new RecordStore(directory), settings);

    assertThat(after.allocateNetwork("n2", IpamConfig.automatic(), List.of()).subnet())
        .hasToString("10.213.1.0/24");
    assertThat(after.allocateAddress("n1", "e2", Optional.empty())).hasToString("10.213.0.3/24");
    assertThat(after.addresses("n1")).containsKeys("e1", "e2");
  }

  @Test
  void requestedSubnetGatewayRangeAndFixedAddresses_areHonoured() {
    Ipam ipam = new Ipam(new RecordStore(directory), settings);

    Addressing addressing =
        ipam.allocateNetwork(
            "n1", IpamConfig.parse("10.50.0.0/16", "10.50.0.254", "10.50.7.0/24"), List.of());

    assertThat(addressing.gateway()).hasToString("10.50.0.254/16");
    assertThat(ipam.allocateAddress("n1", "e1", Optional.empty())).hasToString("10.50.7.0/16");
    assertThat(ipam.allocateAddress("n1", "e2", Optional.of(Cidr.parse("10.50.0.9"))))
        .hasToString("10.50.0.9/16");
    assertThatThrownBy(() -> ipam.allocateAddress("n1", "e3", Optional.of(Cidr.parse("10.50.0.9"))))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessageContaining("Address already in use: 10.50.0.9");
    assertThatThrownBy(
            () -> ipam.allocateAddress("n1", "e3", Optional.of(Cidr.parse("10.50.0.254"))))
        .isInstanceOf(EngineFault.Conflict.class);
    assertThatThrownBy(() -> ipam.allocateAddress("n1", "e3", Optional.of(Cidr.parse("10.51.0.9"))))
        .isInstanceOf(EngineFault.InvalidArgument.class);
  }

  @Test
  void overlappingRequestedSubnet_isRefused() {
    Ipam ipam = new Ipam(new RecordStore(directory), settings);
    ipam.allocateNetwork("n1", IpamConfig.parse("10.60.0.0/16", null, null), List.of());

    assertThatThrownBy(
            () ->
                ipam.allocateNetwork("n2", IpamConfig.parse("10.60.5.0/24", null, null), List.of()))
        .isInstanceOf(EngineFault.Forbidden.class)
        .hasMessageContaining("Pool overlaps with other one on this address space");
  }

  @Test
  void fullNetwork_saysSo() {
    Ipam ipam = new Ipam(new RecordStore(directory), settings);
    ipam.allocateNetwork("n1", IpamConfig.parse("10.70.0.0/30", null, null), List.of());
    ipam.allocateAddress("n1", "e1", Optional.empty());

    assertThatThrownBy(() -> ipam.allocateAddress("n1", "e2", Optional.empty()))
        .isInstanceOf(EngineFault.Unavailable.class)
        .hasMessageContaining("no available IPv4 addresses");
  }

  @Test
  void routesReadFromTheHost_keepThePoolAwayFromThem() throws Exception {
    try (TestHost host = TestHost.create()) {
      String dummy = host.prefix + "-routed";
      host.run("ip", "link", "add", dummy, "type", "bridge").orThrow();
      host.run("ip", "addr", "add", "10.213.0.5/24", "dev", dummy).orThrow();
      host.run("ip", "link", "set", dummy, "up").orThrow();
      host.run("ip", "route", "add", "10.213.1.0/24", "dev", dummy).orThrow();
      Ipam ipam = new Ipam(new RecordStore(directory), settings);

      List<Cidr> routed = new Links(host.namespace).routed();
      Addressing addressing = ipam.allocateNetwork("n1", IpamConfig.automatic(), routed);

      assertThat(routed).contains(Cidr.parse("10.213.0.0/24"), Cidr.parse("10.213.1.0/24"));
      assertThat(addressing.subnet()).hasToString("10.213.2.0/24");
    }
  }
}
