package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.command.ListNetworksCmd;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Network;
import io.jcompose.planner.spi.EndpointSpec;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.NetworkSpec;
import io.jcompose.planner.spi.NetworkSummary;
import io.jcompose.planner.spi.RuntimeFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Networks: list, inspect, create, remove, connect, disconnect. */
final class Networks {

  private final DockerClient docker;
  private final Faults faults;

  Networks(DockerClient docker, Faults faults) {
    this.docker = docker;
    this.faults = faults;
  }

  /**
   * The daemon's list leaves out the attached containers, so each listed network is inspected
   * (projects have few); one removed in between is left out.
   */
  List<NetworkSummary> list(LabelFilter filter) {
    ListNetworksCmd command = docker.listNetworksCmd();
    if (!filter.labels().isEmpty()) {
      command.withFilter("label", LabelFilters.values(filter));
    }
    var summaries = new ArrayList<NetworkSummary>();
    for (Network listed : faults.call(command::exec)) {
      inspect(listed.getId()).ifPresent(summaries::add);
    }
    return summaries;
  }

  Optional<NetworkSummary> inspect(String networkIdOrName) {
    try {
      Network network =
          faults.call(() -> docker.inspectNetworkCmd().withNetworkId(networkIdOrName).exec());
      return Optional.of(summary(network));
    } catch (RuntimeFault.NotFound missing) {
      return Optional.empty();
    }
  }

  String create(NetworkSpec spec) {
    CreateNetworkCmd command =
        docker
            .createNetworkCmd()
            .withName(spec.name())
            .withCheckDuplicate(true)
            .withInternal(spec.internal())
            .withAttachable(spec.attachable())
            .withEnableIpv6(spec.enableIpv6())
            .withLabels(spec.labels());
    spec.driver().ifPresent(command::withDriver);
    if (!spec.driverOptions().isEmpty()) {
      command.withOptions(spec.driverOptions());
    }
    if (!spec.subnets().isEmpty()) {
      var configs = new ArrayList<Network.Ipam.Config>();
      for (String subnet : spec.subnets()) {
        configs.add(new Network.Ipam.Config().withSubnet(subnet));
      }
      command.withIpam(new Network.Ipam().withConfig(configs));
    }
    return faults.call(command::exec).getId();
  }

  void remove(String networkIdOrName) {
    faults.run(() -> docker.removeNetworkCmd(networkIdOrName).exec());
  }

  void connect(String networkIdOrName, String containerIdOrName, EndpointSpec endpoint) {
    faults.run(
        () ->
            docker
                .connectToNetworkCmd()
                .withNetworkId(networkIdOrName)
                .withContainerId(containerIdOrName)
                .withContainerNetwork(endpointConfig(endpoint))
                .exec());
  }

  void disconnect(String networkIdOrName, String containerIdOrName, boolean force) {
    faults.run(
        () ->
            docker
                .disconnectFromNetworkCmd()
                .withNetworkId(networkIdOrName)
                .withContainerId(containerIdOrName)
                .withForce(force)
                .exec());
  }

  static ContainerNetwork endpointConfig(EndpointSpec endpoint) {
    var config = new ContainerNetwork();
    if (!endpoint.aliases().isEmpty()) {
      config.withAliases(endpoint.aliases());
    }
    if (endpoint.ipv4Address().isPresent() || endpoint.ipv6Address().isPresent()) {
      var ipam = new ContainerNetwork.Ipam();
      endpoint.ipv4Address().ifPresent(ipam::withIpv4Address);
      endpoint.ipv6Address().ifPresent(ipam::withIpv6Address);
      config.withIpamConfig(ipam);
    }
    return config;
  }

  private static NetworkSummary summary(Network network) {
    return new NetworkSummary(
        network.getId(),
        network.getName(),
        ContainerViews.nullToEmpty(network.getDriver()),
        ContainerViews.orEmpty(network.getLabels()),
        network.getContainers() == null ? java.util.Set.of() : network.getContainers().keySet());
  }
}
