package io.jcompose.engine.network;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.network.dns.NameTable;
import io.jcompose.engine.network.dns.ResolverFiles;
import io.jcompose.engine.network.dns.Upstreams;
import io.jcompose.engine.state.RecordStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The engine's networks: create, inspect and remove them; plug containers in and out; publish their
 * ports; generate their resolver files; and, at start-up, clean up what a crash left.
 *
 * <p>A network's kernel objects (bridge, iptables rules, DNS server) exist while it has endpoints:
 * they are made when the first container joins and removed when the last one leaves, as are the
 * engine's iptables chains with the last such network. Records are written before the kernel is
 * changed, so start-up clean-up ({@link #reconcile}) finds whatever a crash left half made.
 *
 * <p>All methods are serialized on this object; the DNS servers and the port proxy have threads of
 * their own, made by the owner's thread factory and ended by {@link #close()}, which leaves the
 * kernel objects in place for the containers that outlive the engine.
 */
public final class Networks implements AutoCloseable {

  private static final Pattern CONTAINER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final int INTERFACE_NAME_MAX = 15;

  private final NetworkSettings settings;
  private final Links links;
  private final Firewall firewall;
  private final Ipam ipam;
  private final NetworkCatalog catalog;
  private final RecordStore sandboxRecords;
  private final Consumer<NetworkEvent> events;
  private final LiveNetworks live;
  private final PublishedPorts ports;
  private final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();

  private Networks(
      Path stateDirectory,
      NetworkSettings settings,
      HostNamespace host,
      ThreadFactory threads,
      Clock clock,
      Consumer<NetworkEvent> events) {
    this.settings = settings;
    this.links = new Links(host);
    this.firewall =
        new Firewall(
            host, settings.chainPrefix(), settings.namePrefix(), settings.namePrefix() + "-+");
    this.ipam = new Ipam(new RecordStore(stateDirectory.resolve("ipam")), settings);
    this.catalog =
        new NetworkCatalog(
            new RecordStore(stateDirectory.resolve("networks")), ipam, clock, links::routed);
    this.sandboxRecords = new RecordStore(stateDirectory.resolve("sandboxes"));
    this.events = events;
    this.live = new LiveNetworks(settings, links, firewall, threads, events);
    this.ports = new PublishedPorts(threads, clock);
  }

  /**
   * Loads the recorded networks and sandboxes and makes sure the predefined networks ({@code
   * bridge}, {@code host}, {@code none}) exist. Nothing in the kernel is touched until {@link
   * #reconcile} (which the engine calls once it knows which containers survived).
   *
   * @param stateDirectory where the records live ({@code <data root>/network})
   * @param host where bridges, host veths and iptables rules go ({@link HostNamespace#current()})
   * @param threads makes the DNS servers' and the port proxy's threads
   * @param events receives warnings and clean-up reports
   */
  public static Networks open(
      Path stateDirectory,
      NetworkSettings settings,
      HostNamespace host,
      ThreadFactory threads,
      Clock clock,
      Consumer<NetworkEvent> events) {
    var networks = new Networks(stateDirectory, settings, host, threads, clock, events);
    try {
      networks.load();
    } catch (RuntimeException e) {
      networks.close();
      throw e;
    }
    return networks;
  }

  private void load() {
    for (String key : sandboxRecords.keys()) {
      sandboxRecords
          .read(key)
          .ifPresent(text -> sandboxes.put(key, StateCodec.decodeSandbox(text)));
    }
  }

  // ---- networks ----

  /**
   * Records a bridge network and gives it a subnet; its bridge is made when a container joins.
   *
   * @throws EngineFault.Conflict {@code network with name X already exists}
   * @throws EngineFault.Forbidden for another {@code host} or {@code null} network, or a subnet
   *     overlapping another network's
   * @throws EngineFault.NotFound for a driver the engine does not have
   */
  public synchronized Network create(NetworkRequest request) {
    return catalog.create(request);
  }

  /**
   * By full id, full name, or a unique id prefix, as dockerd resolves them.
   *
   * @throws EngineFault.NotFound {@code network X not found}
   */
  public synchronized Network inspect(String idOrName) {
    return catalog.find(idOrName);
  }

  /** Every network, the predefined ones included, in the order they were made. */
  public synchronized List<Network> list() {
    return catalog.all();
  }

  /**
   * @throws EngineFault.Forbidden for a predefined network or one with endpoints
   */
  public synchronized void remove(String idOrName) {
    Network network = inspect(idOrName);
    if (network.predefined()) {
      throw new EngineFault.Forbidden(
          network.name() + " is a pre-defined network and cannot be removed");
    }
    if (!endpoints(network.id()).isEmpty()) {
      throw new EngineFault.Forbidden(
          "error while removing network: network "
              + network.name()
              + " id "
              + network.id()
              + " has active endpoints");
    }
    live.retire(network.id());
    catalog.delete(network.id());
  }

  /** The containers on a network (its inspect's {@code Containers}). */
  public synchronized List<Endpoint> endpoints(String networkIdOrName) {
    Network network = inspect(networkIdOrName);
    var endpoints = new ArrayList<Endpoint>();
    for (Sandbox sandbox : sandboxes.values()) {
      sandbox.on(network.id()).ifPresent(each -> endpoints.add(endpoint(sandbox, each)));
    }
    return endpoints;
  }

  /** Where a network's DNS server listens, while it has endpoints and its server could start. */
  public synchronized Optional<InetSocketAddress> nameServerAddress(String networkIdOrName) {
    return live.nameServerAddress(inspect(networkIdOrName).id());
  }

  // ---- containers ----

  /**
   * The container's network namespace, made (with loopback up) if it has none yet: what runc joins,
   * also for {@code network_mode: none}.
   */
  public synchronized Path sandbox(String containerId, String containerName) {
    Sandbox sandbox = sandboxes.get(checkedContainerId(containerId));
    if (sandbox == null) {
      sandbox = newSandbox(containerId, containerName);
      save(sandbox);
      try {
        links.createNamespace(sandbox.namespace());
      } catch (RuntimeException e) {
        forgetSandbox(sandbox, e);
        throw e;
      }
    }
    return Links.namespacePath(sandbox.namespace());
  }

  /** The namespace a container joins, if it has one. */
  public synchronized Optional<Path> namespacePath(String containerId) {
    return Optional.ofNullable(sandboxes.get(containerId))
        .map(sandbox -> Links.namespacePath(sandbox.namespace()));
  }

  /**
   * Plugs a container into a network: its namespace (made if needed) gets the next {@code ethN}, an
   * address, and the default route if it has none yet and the network is not internal; the
   * network's DNS answers its names from now on. Works for created containers that never ran.
   *
   * @throws EngineFault.Forbidden for {@code host}/{@code none}, or a container already on it
   * @throws EngineFault.Conflict when a fixed address is taken
   */
  public synchronized Endpoint connect(
      String containerId, String networkIdOrName, EndpointRequest request) {
    checkedContainerId(containerId);
    Network network = inspect(networkIdOrName);
    if (!network.bridged()) {
      throw new EngineFault.Forbidden(
          "container cannot be disconnected from host network or connected to host network"
              .replace("host", network.name()));
    }
    Sandbox existing = sandboxes.get(containerId);
    if (existing != null && existing.on(network.id()).isPresent()) {
      throw new EngineFault.Forbidden(
          "endpoint with name "
              + existing.containerName()
              + " already exists in network "
              + network.name());
    }
    Sandbox sandbox =
        existing != null ? existing : newSandbox(containerId, request.containerName());
    String endpointId = NetworkCatalog.newId();
    Addressing addressing = network.addressing().orElseThrow();
    Cidr address =
        ipam.allocateAddress(
            network.id(),
            endpointId,
            request
                .ipv4Address()
                .map(fixed -> fixed.withPrefixLength(addressing.subnet().prefixLength())));
    var attachment =
        new Sandbox.Attachment(
            endpointId,
            network.id(),
            sandbox.nextInterfaceName(),
            hostVethName(endpointId),
            address,
            request
                .macAddress()
                .orElse(Links.macAddress(endpointId))
                .toLowerCase(java.util.Locale.ROOT),
            request.aliases(),
            !network.internal() && !sandbox.hasDefaultRoute());
    Sandbox updated = sandbox.with(attachment);
    save(updated);
    try {
      String bridge = live.goLive(network);
      links.plug(
          updated.namespace(),
          existing == null,
          new Links.Plug(
              attachment.hostVeth(),
              bridge,
              attachment.interfaceName(),
              address,
              attachment.macAddress(),
              attachment.defaultRoute() ? Optional.of(addressing.gateway()) : Optional.empty()));
      refreshNames(network.id());
    } catch (RuntimeException e) {
      try {
        links.delete(
            List.of(attachment.hostVeth()),
            existing == null ? List.of(updated.namespace()) : List.of());
        ipam.releaseAddress(network.id(), endpointId);
        if (existing == null) {
          sandboxRecords.delete(containerId);
          sandboxes.remove(containerId);
        } else {
          save(existing);
        }
        retireIfUnused(network.id());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return endpoint(updated, attachment);
  }

  /**
   * Unplugs a container from a network; if that network carried its default route, the next
   * non-internal network takes it over.
   *
   * @throws EngineFault.Forbidden when the container is not on the network
   */
  public synchronized void disconnect(String containerId, String networkIdOrName) {
    Network network = inspect(networkIdOrName);
    Sandbox sandbox = sandboxes.get(containerId);
    Optional<Sandbox.Attachment> attachment =
        sandbox == null ? Optional.empty() : sandbox.on(network.id());
    if (attachment.isEmpty()) {
      throw new EngineFault.Forbidden(
          "container " + containerId + " is not connected to network " + network.name());
    }
    links.delete(List.of(attachment.get().hostVeth()), List.of());
    Sandbox updated = sandbox.without(attachment.get().endpointId());
    if (attachment.get().defaultRoute()) {
      for (Sandbox.Attachment other : updated.attachments()) {
        Network otherNetwork = network(other.networkId());
        if (!otherNetwork.internal()) {
          updated = updated.replacing(other.withDefaultRoute(true));
          links.replaceDefaultRoute(
              updated.namespace(), otherNetwork.addressing().orElseThrow().gateway());
          break;
        }
      }
    }
    save(updated);
    ipam.releaseAddress(network.id(), attachment.get().endpointId());
    refreshNames(network.id());
    retireIfUnused(network.id());
  }

  /** A container's endpoints, in the order it joined the networks. */
  public synchronized List<Endpoint> endpointsOf(String containerId) {
    Sandbox sandbox = sandboxes.get(containerId);
    if (sandbox == null) {
      return List.of();
    }
    return sandbox.attachments().stream().map(each -> endpoint(sandbox, each)).toList();
  }

  /**
   * Takes a container off the network entirely: its proxied ports close, its veths and then its
   * namespace are deleted, its addresses are released. Nothing happens for an unknown container.
   */
  public synchronized void release(String containerId) {
    Sandbox sandbox = sandboxes.get(containerId);
    ports.close(containerId);
    if (sandbox == null) {
      return;
    }
    links.delete(
        sandbox.attachments().stream().map(Sandbox.Attachment::hostVeth).toList(),
        List.of(sandbox.namespace()));
    forgetSandbox(sandbox, null);
  }

  // ---- published ports ----

  /**
   * Starts the userland proxy for a container's published ports, towards its primary address. All
   * or none: a port that cannot be bound closes the ones already opened by this call.
   *
   * @return the bindings with the host ports actually bound; empty for a container without
   *     endpoints ({@code host} and {@code none} modes publish nothing)
   * @throws EngineFault.Conflict {@code Bind for 0.0.0.0:8080 failed: port is already allocated}
   */
  public synchronized List<PortBinding> publish(String containerId, List<PortBinding> bindings) {
    Sandbox sandbox = sandboxes.get(containerId);
    Optional<Sandbox.Attachment> primary = sandbox == null ? Optional.empty() : sandbox.primary();
    if (primary.isEmpty() || bindings.isEmpty()) {
      return List.of();
    }
    List<PortBinding> published = ports.open(containerId, bindings, primary.get().address());
    var all = new ArrayList<>(sandbox.ports());
    all.addAll(published);
    save(sandbox.withPorts(all));
    return published;
  }

  /** Stops a container's proxied ports (the container stopped). */
  public synchronized void unpublish(String containerId) {
    ports.close(containerId);
    Sandbox sandbox = sandboxes.get(containerId);
    if (sandbox != null && !sandbox.ports().isEmpty()) {
      save(sandbox.withPorts(List.of()));
    }
  }

  /** A container's published ports as bound. */
  public synchronized List<PortBinding> published(String containerId) {
    Sandbox sandbox = sandboxes.get(containerId);
    return sandbox == null ? List.of() : sandbox.ports();
  }

  // ---- resolver files ----

  /**
   * The container's {@code /etc/resolv.conf}: its own servers if it named any, else its primary
   * network's gateway, where that network's DNS server listens; {@code options ndots:0}.
   */
  public synchronized String resolvConf(String containerId, ResolverOptions options) {
    List<String> servers = options.nameservers();
    if (servers.isEmpty()) {
      servers =
          primaryEndpoint(containerId)
              .map(endpoint -> List.of(endpoint.gateway().addressText()))
              .orElseGet(
                  () ->
                      Upstreams.fromHost().servers().stream()
                          .filter(server -> !server.getAddress().isLoopbackAddress())
                          .map(server -> server.getAddress().getHostAddress())
                          .toList());
    }
    return ResolverFiles.resolvConf(servers, options.searchDomains(), options.options());
  }

  /**
   * The container's {@code /etc/hosts}: localhost, the extra hosts ({@code host-gateway} meaning
   * the primary network's gateway), and its primary address with its host name.
   */
  public synchronized String hosts(
      String containerId, String hostname, List<ResolverFiles.HostEntry> extraHosts) {
    Optional<Endpoint> primary = primaryEndpoint(containerId);
    var extra = new ArrayList<ResolverFiles.HostEntry>();
    for (ResolverFiles.HostEntry entry : extraHosts) {
      if (entry.address().equals("host-gateway") && primary.isPresent()) {
        extra.add(
            new ResolverFiles.HostEntry(primary.get().gateway().addressText(), entry.names()));
      } else {
        extra.add(entry);
      }
    }
    return ResolverFiles.hosts(
        primary.map(endpoint -> endpoint.address().addressText()), List.of(hostname), extra);
  }

  private Optional<Endpoint> primaryEndpoint(String containerId) {
    Sandbox sandbox = sandboxes.get(containerId);
    return sandbox == null
        ? Optional.empty()
        : sandbox.primary().map(attachment -> endpoint(sandbox, attachment));
  }

  // ---- start-up ----

  /**
   * Makes the kernel match the records for the containers that survived: sandboxes of other
   * containers are removed; networks with endpoints get their bridge, rules and DNS server back;
   * published ports are bound again; and every veth, namespace, bridge, rule and chain carrying the
   * engine's prefix that belongs to nothing is removed (each reported as {@link
   * NetworkEvent.LeftoverRemoved}).
   */
  public synchronized void reconcile(Set<String> liveContainerIds) {
    for (Sandbox sandbox : List.copyOf(sandboxes.values())) {
      if (!liveContainerIds.contains(sandbox.containerId())) {
        release(sandbox.containerId());
        events.accept(new NetworkEvent.LeftoverRemoved("record", sandbox.containerId()));
      }
    }
    ipam.retain(
        catalog.all().stream().map(Network::id).collect(Collectors.toSet()),
        sandboxes.values().stream()
            .flatMap(sandbox -> sandbox.attachments().stream())
            .map(Sandbox.Attachment::endpointId)
            .collect(Collectors.toSet()));
    for (Network network : catalog.all()) {
      if (!live.isLive(network.id()) && !endpoints(network.id()).isEmpty()) {
        live.goLive(network);
        refreshNames(network.id());
      }
    }
    new LeftoverSweep(settings, links, firewall, events)
        .sweep(
            live.bridges(),
            sandboxes.values().stream()
                .flatMap(sandbox -> sandbox.attachments().stream())
                .map(Sandbox.Attachment::hostVeth)
                .collect(Collectors.toSet()),
            sandboxes.values().stream().map(Sandbox::namespace).collect(Collectors.toSet()));
    if (live.bridges().isEmpty()) {
      live.chainsRemoved();
    }
    for (Sandbox sandbox : sandboxes.values()) {
      Optional<Sandbox.Attachment> primary = sandbox.primary();
      if (!ports.isOpen(sandbox.containerId()) && primary.isPresent()) {
        ports.restore(
            sandbox.containerId(),
            sandbox.ports(),
            primary.get().address(),
            (binding, failure) ->
                events.accept(
                    new NetworkEvent.PortNotRestored(
                        sandbox.containerId(), binding, failure.getMessage())));
      }
    }
  }

  /** Stops the DNS servers and the port proxy; bridges, veths and rules stay for the containers. */
  @Override
  public synchronized void close() {
    try {
      ports.close();
    } finally {
      live.close();
    }
  }

  // ---- the kernel side of a network ----

  private void retireIfUnused(String networkId) {
    boolean used = sandboxes.values().stream().anyMatch(each -> each.on(networkId).isPresent());
    if (!used) {
      live.retire(networkId);
    }
  }

  private void refreshNames(String networkId) {
    if (!live.isLive(networkId)) {
      return;
    }
    var entries = new ArrayList<NameTable.Entry>();
    for (Sandbox sandbox : sandboxes.values()) {
      sandbox
          .on(networkId)
          .ifPresent(
              each -> {
                List<String> names = sandbox.dnsNames(each, resolvesNames(network(networkId)));
                if (!names.isEmpty()) {
                  entries.add(new NameTable.Entry(each.address().inetAddress(), names));
                }
              });
    }
    live.names(networkId, entries);
  }

  // ---- records and names ----

  private Sandbox newSandbox(String containerId, String containerName) {
    return new Sandbox(
        containerId,
        containerName.startsWith("/") ? containerName.substring(1) : containerName,
        settings.namePrefix() + "-" + containerId,
        List.of(),
        List.of());
  }

  private void save(Sandbox sandbox) {
    sandboxRecords.write(sandbox.containerId(), StateCodec.encode(sandbox));
    sandboxes.put(sandbox.containerId(), sandbox);
  }

  /** Drops a sandbox whose kernel objects are gone: addresses, record, names, idle networks. */
  private void forgetSandbox(Sandbox sandbox, RuntimeException failure) {
    try {
      for (Sandbox.Attachment each : sandbox.attachments()) {
        ipam.releaseAddress(each.networkId(), each.endpointId());
      }
      sandboxRecords.delete(sandbox.containerId());
      sandboxes.remove(sandbox.containerId());
      for (Sandbox.Attachment each : sandbox.attachments()) {
        refreshNames(each.networkId());
        retireIfUnused(each.networkId());
      }
    } catch (RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  private Endpoint endpoint(Sandbox sandbox, Sandbox.Attachment attachment) {
    Network network = network(attachment.networkId());
    return new Endpoint(
        attachment.endpointId(),
        sandbox.containerId(),
        sandbox.containerName(),
        network.id(),
        network.name(),
        attachment.interfaceName(),
        attachment.address(),
        network.addressing().orElseThrow().gateway(),
        attachment.macAddress(),
        attachment.aliases(),
        sandbox.dnsNames(attachment, resolvesNames(network)));
  }

  private String hostVethName(String endpointId) {
    String stem = settings.namePrefix() + "v";
    return stem + endpointId.substring(0, INTERFACE_NAME_MAX - stem.length());
  }

  /** As docker's, the default bridge resolves no container names. */
  private static boolean resolvesNames(Network network) {
    return !network.name().equals(Network.DEFAULT_BRIDGE);
  }

  private static String checkedContainerId(String containerId) {
    if (!CONTAINER_ID.matcher(containerId).matches()) {
      throw new EngineFault.InvalidArgument("invalid container id \"" + containerId + "\"");
    }
    return containerId;
  }

  /** A network an attachment names; records keep a sandbox's networks until it is released. */
  private Network network(String id) {
    return catalog
        .byId(id)
        .orElseThrow(
            () -> new EngineFault.Internal("a sandbox names the unknown network " + id, null));
  }
}
