package io.jcompose.engine.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.container.NetworkAttachments;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.Filters;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /networks}: list, inspect, create, remove, connect, disconnect, prune. */
public final class NetworksRouter implements ApiRouter {

  private static final Set<String> LIST_FILTERS =
      Set.of("name", "id", "label", "driver", "type", "scope", "dangling");

  record CreateBody(
      @JsonProperty("Name") String name,
      @JsonProperty("Driver") String driver,
      @JsonProperty("Internal") Boolean internal,
      @JsonProperty("Attachable") Boolean attachable,
      @JsonProperty("EnableIPv6") Boolean enableIpv6,
      @JsonProperty("IPAM") IpamBody ipam,
      @JsonProperty("Options") Map<String, String> options,
      @JsonProperty("Labels") Map<String, String> labels) {}

  record IpamBody(
      @JsonProperty("Driver") String driver,
      @JsonProperty("Config") List<IpamPool> config,
      @JsonProperty("Options") Map<String, String> options) {}

  record IpamPool(
      @JsonProperty("Subnet") String subnet,
      @JsonProperty("Gateway") String gateway,
      @JsonProperty("IPRange") String ipRange) {}

  record CreatedBody(@JsonProperty("Id") String id, @JsonProperty("Warning") String warning) {}

  record ConnectBody(
      @JsonProperty("Container") String container,
      @JsonProperty("EndpointConfig") EndpointConfig endpointConfig) {}

  record EndpointConfig(
      @JsonProperty("Aliases") List<String> aliases,
      @JsonProperty("IPAMConfig") EndpointIpam ipamConfig) {}

  record EndpointIpam(@JsonProperty("IPv4Address") String ipv4Address) {}

  record DisconnectBody(
      @JsonProperty("Container") String container, @JsonProperty("Force") Boolean force) {}

  record InspectBody(
      @JsonProperty("Name") String name,
      @JsonProperty("Id") String id,
      @JsonProperty("Created") String created,
      @JsonProperty("Scope") String scope,
      @JsonProperty("Driver") String driver,
      @JsonProperty("EnableIPv6") boolean enableIpv6,
      @JsonProperty("IPAM") IpamInspect ipam,
      @JsonProperty("Internal") boolean internal,
      @JsonProperty("Attachable") boolean attachable,
      @JsonProperty("Ingress") boolean ingress,
      @JsonProperty("ConfigFrom") Map<String, String> configFrom,
      @JsonProperty("ConfigOnly") boolean configOnly,
      @JsonProperty("Containers") Map<String, ContainerEntry> containers,
      @JsonProperty("Options") Map<String, String> options,
      @JsonProperty("Labels") Map<String, String> labels) {}

  record IpamInspect(
      @JsonProperty("Driver") String driver,
      @JsonProperty("Options") Map<String, String> options,
      @JsonProperty("Config") List<Map<String, String>> config) {}

  record ContainerEntry(
      @JsonProperty("Name") String name,
      @JsonProperty("EndpointID") String endpointId,
      @JsonProperty("MacAddress") String macAddress,
      @JsonProperty("IPv4Address") String ipv4Address,
      @JsonProperty("IPv6Address") String ipv6Address) {}

  record PruneBody(@JsonProperty("NetworksDeleted") List<String> networksDeleted) {}

  private final Networks networks;
  private final NetworkAttachments attachments;

  public NetworksRouter(Networks networks, NetworkAttachments attachments) {
    this.networks = networks;
    this.attachments = attachments;
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes
        .get("/networks", this::list)
        .post("/networks/create", this::create)
        .post("/networks/prune", this::prune)
        .get("/networks/{id}", this::inspect)
        .delete("/networks/{id}", this::remove)
        .post("/networks/{id}/connect", this::connect)
        .post("/networks/{id}/disconnect", this::disconnect);
  }

  private Response list(Request request) {
    Filters filters = request.query().filters().requireKeys(LIST_FILTERS);
    var bodies = new ArrayList<InspectBody>();
    for (Network network : networks.list()) {
      if (matches(network, filters)) {
        bodies.add(body(network, false));
      }
    }
    return Response.json(bodies);
  }

  private boolean matches(Network network, Filters filters) {
    if (filters.contains("name") && !filters.fuzzyMatch("name", network.name())) {
      return false;
    }
    if (filters.contains("id")
        && !filters.values("id").stream().anyMatch(network.id()::startsWith)) {
      return false;
    }
    if (filters.contains("driver") && !filters.exactMatch("driver", network.driver())) {
      return false;
    }
    if (filters.contains("label") && !filters.labelsMatch("label", network.labels())) {
      return false;
    }
    if (filters.contains("type")) {
      String type = Network.PREDEFINED.contains(network.name()) ? "builtin" : "custom";
      if (!filters.exactMatch("type", type)) {
        return false;
      }
    }
    if (filters.contains("dangling")) {
      boolean dangling =
          networks.endpoints(network.id()).isEmpty()
              && !Network.PREDEFINED.contains(network.name());
      if (filters.bool("dangling").orElse(false) != dangling) {
        return false;
      }
    }
    return true;
  }

  private Response inspect(Request request) {
    return Response.json(body(networks.inspect(request.pathParameter("id")), true));
  }

  private Response create(Request request) throws IOException {
    CreateBody body =
        request
            .bodyAs(CreateBody.class)
            .orElseThrow(() -> new EngineFault.InvalidArgument("network create needs a body"));
    if (body.name() == null || body.name().isBlank()) {
      throw new EngineFault.InvalidArgument("network name is required");
    }
    IpamConfig ipam = IpamConfig.parse("", "", "");
    if (body.ipam() != null && body.ipam().config() != null && !body.ipam().config().isEmpty()) {
      IpamPool pool = body.ipam().config().get(0);
      ipam =
          IpamConfig.parse(
              orEmpty(pool.subnet()), orEmpty(pool.gateway()), orEmpty(pool.ipRange()));
    }
    NetworkRequest networkRequest;
    try {
      networkRequest =
          new NetworkRequest(
              body.name(),
              body.driver(),
              Boolean.TRUE.equals(body.internal()),
              Boolean.TRUE.equals(body.attachable()),
              ipam,
              body.labels() == null ? Map.of() : body.labels(),
              body.options() == null ? Map.of() : body.options());
    } catch (IllegalArgumentException e) {
      throw new EngineFault.InvalidArgument(e.getMessage(), e);
    }
    Network network = networks.create(networkRequest);
    return Response.json(201, new CreatedBody(network.id(), ""));
  }

  private Response remove(Request request) {
    networks.remove(request.pathParameter("id"));
    return Response.empty(204);
  }

  private Response prune(Request request) {
    var deleted = new ArrayList<String>();
    for (Network network : networks.list()) {
      if (!Network.PREDEFINED.contains(network.name())
          && networks.endpoints(network.id()).isEmpty()) {
        networks.remove(network.id());
        deleted.add(network.name());
      }
    }
    return Response.json(new PruneBody(deleted));
  }

  private Response connect(Request request) throws IOException {
    ConnectBody body =
        request
            .bodyAs(ConnectBody.class)
            .orElseThrow(() -> new EngineFault.InvalidArgument("connect needs a body"));
    if (body.container() == null || body.container().isBlank()) {
      throw new EngineFault.InvalidArgument("connect needs a Container");
    }
    List<String> aliases = List.of();
    Optional<String> address = Optional.empty();
    if (body.endpointConfig() != null) {
      if (body.endpointConfig().aliases() != null) {
        aliases = body.endpointConfig().aliases();
      }
      if (body.endpointConfig().ipamConfig() != null) {
        address =
            Optional.ofNullable(body.endpointConfig().ipamConfig().ipv4Address())
                .filter(text -> !text.isBlank());
      }
    }
    attachments.connect(request.pathParameter("id"), body.container(), aliases, address);
    return Response.empty(200);
  }

  private Response disconnect(Request request) throws IOException {
    DisconnectBody body =
        request
            .bodyAs(DisconnectBody.class)
            .orElseThrow(() -> new EngineFault.InvalidArgument("disconnect needs a body"));
    if (body.container() == null || body.container().isBlank()) {
      throw new EngineFault.InvalidArgument("disconnect needs a Container");
    }
    attachments.disconnect(
        request.pathParameter("id"), body.container(), Boolean.TRUE.equals(body.force()));
    return Response.empty(200);
  }

  private InspectBody body(Network network, boolean withContainers) {
    var pools = new ArrayList<Map<String, String>>();
    network
        .addressing()
        .ifPresent(
            addressing -> {
              var pool = new LinkedHashMap<String, String>();
              pool.put("Subnet", addressing.subnet().toString());
              pool.put("Gateway", addressing.gateway().addressText());
              addressing.ipRange().ifPresent(range -> pool.put("IPRange", range.toString()));
              pools.add(pool);
            });
    var containers = new LinkedHashMap<String, ContainerEntry>();
    if (withContainers) {
      for (Endpoint endpoint : networks.endpoints(network.id())) {
        containers.put(
            endpoint.containerId(),
            new ContainerEntry(
                endpoint.containerName(),
                endpoint.endpointId(),
                endpoint.macAddress(),
                endpoint.address().toString(),
                ""));
      }
    }
    return new InspectBody(
        network.name(),
        network.id(),
        network.created().toString(),
        "local",
        network.driver(),
        false,
        new IpamInspect("default", Map.of(), pools),
        network.internal(),
        network.attachable(),
        false,
        Map.of("Network", ""),
        false,
        containers,
        network.options(),
        network.labels());
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
