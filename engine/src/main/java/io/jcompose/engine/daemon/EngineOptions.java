package io.jcompose.engine.daemon;

import io.jcompose.engine.http.ApiVersions;
import io.jcompose.engine.network.Cidr;
import io.jcompose.engine.network.NetworkSettings;
import io.jcompose.engine.registry.RegistrySettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the engine daemon runs: where its socket is, where it keeps its data, which API versions it
 * serves, and the names of its objects on the host.
 *
 * @param host where the runtime keeps its state and how cgroups and network objects are named; two
 *     engines on one host need different ones
 * @param registries insecure registries and where registries' CA certificates are
 */
public record EngineOptions(
    Path socketPath,
    Path dataRoot,
    ApiVersions apiVersions,
    HostResources host,
    RegistrySettings registries) {

  public static final Path DEFAULT_SOCKET = Path.of("/run/jcompose/engine.sock");
  public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/jcompose");

  static final String USAGE =
      "usage: jcompose-engine [--host unix:///path/to/engine.sock] [--data-root DIR]\n"
          + "  --host, -H   the socket to serve the Docker API on (default unix://"
          + DEFAULT_SOCKET
          + ")\n"
          + "  --data-root  where images, containers and volumes are kept (default "
          + DEFAULT_DATA_ROOT
          + ")\n"
          + "  --exec-root  where the runtime keeps its state: a tmpfs (default "
          + HostResources.DEFAULT_EXEC_ROOT
          + ")\n"
          + "  --cgroup-parent   the cgroup containers are made in (default "
          + HostResources.DEFAULT_CGROUP_PARENT
          + ")\n"
          + "  --network-prefix  names the engine's bridges, veths, netns and iptables chains"
          + " (default jce)\n"
          + "  --network-pool    the IPv4 range /24 network subnets are taken from (default"
          + " 10.213.0.0/16)\n"
          + "  --insecure-registry HOST[:PORT]  a registry that may be reached over plain HTTP or"
          + " TLS without certificate checks (repeatable)\n"
          + "  --registry-certs-dir DIR  where <host:port>/*.crt CA certificates of registries are"
          + " (repeatable; default /etc/docker/certs.d and /etc/jcompose/certs.d)\n"
          + "  --registry-mirror URL  a Docker Hub mirror, http[s]://host[:port], tried before"
          + " Docker Hub (repeatable)";

  public EngineOptions {
    Objects.requireNonNull(socketPath, "socketPath");
    Objects.requireNonNull(dataRoot, "dataRoot");
    Objects.requireNonNull(apiVersions, "apiVersions");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(registries, "registries");
    socketPath = socketPath.toAbsolutePath();
    dataRoot = dataRoot.toAbsolutePath();
  }

  /** With the default registry settings. */
  public EngineOptions(
      Path socketPath, Path dataRoot, ApiVersions apiVersions, HostResources host) {
    this(socketPath, dataRoot, apiVersions, host, RegistrySettings.defaults());
  }

  /** With the host resources of a production engine ({@link HostResources#DEFAULT}). */
  public EngineOptions(Path socketPath, Path dataRoot, ApiVersions apiVersions) {
    this(socketPath, dataRoot, apiVersions, HostResources.DEFAULT);
  }

  public static EngineOptions defaults() {
    return new EngineOptions(DEFAULT_SOCKET, DEFAULT_DATA_ROOT, ApiVersions.DEFAULT);
  }

  public EngineOptions withHost(HostResources newHost) {
    return new EngineOptions(socketPath, dataRoot, apiVersions, newHost, registries);
  }

  public EngineOptions withRegistries(RegistrySettings newRegistries) {
    return new EngineOptions(socketPath, dataRoot, apiVersions, host, newRegistries);
  }

  /**
   * The engine's footprint outside its data root.
   *
   * @param execRoot runc's state root, conmon's exit and socket dirs ({@code /run/jcompose})
   * @param cgroupParent containers' cgroups are {@code <parent>/<id>} ({@code /jcompose})
   * @param networks the prefix of bridges, veths, namespaces and iptables chains, the subnet pool
   */
  public record HostResources(Path execRoot, String cgroupParent, NetworkSettings networks) {

    public static final Path DEFAULT_EXEC_ROOT = Path.of("/run/jcompose");
    public static final String DEFAULT_CGROUP_PARENT = "/jcompose";

    public static final HostResources DEFAULT =
        new HostResources(DEFAULT_EXEC_ROOT, DEFAULT_CGROUP_PARENT, NetworkSettings.defaults());

    public HostResources {
      Objects.requireNonNull(execRoot, "execRoot");
      Objects.requireNonNull(cgroupParent, "cgroupParent");
      Objects.requireNonNull(networks, "networks");
      execRoot = execRoot.toAbsolutePath();
      if (!cgroupParent.matches("(/[A-Za-z0-9_.-]+)+")) {
        throw new IllegalArgumentException(
            "cgroup parent \"" + cgroupParent + "\" must be an absolute path like /jcompose");
      }
    }

    /**
     * An engine of its own beside others (tests): state under {@code execRoot}, cgroups under
     * {@code /<prefix>}, network objects named with {@code prefix}, subnets from {@code pool}.
     */
    public static HostResources isolated(Path execRoot, String prefix, Cidr pool) {
      return new HostResources(
          execRoot,
          "/" + prefix,
          NetworkSettings.defaults().withNamePrefix(prefix).withPool(pool, 24));
    }
  }

  /**
   * Reads {@code --host unix:///path} (or {@code -H}, or {@code --host=...}), {@code --data-root
   * DIR}, the host resource options and the registry options.
   *
   * @throws IllegalArgumentException quoting the argument that is wrong
   */
  public static EngineOptions parse(List<String> args) {
    Path socketPath = DEFAULT_SOCKET;
    Path dataRoot = DEFAULT_DATA_ROOT;
    HostResources host = HostResources.DEFAULT;
    RegistrySettings registries = RegistrySettings.defaults();
    var certsDirectories = new ArrayList<Path>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException("\"" + arg + "\" needs a value");
      }
      switch (name) {
        case "--host", "-H" -> socketPath = socketOf(value);
        case "--data-root" -> {
          if (value.isBlank()) {
            throw new IllegalArgumentException("--data-root needs a directory");
          }
          dataRoot = Path.of(value);
        }
        case "--exec-root" ->
            host = new HostResources(Path.of(value), host.cgroupParent(), host.networks());
        case "--cgroup-parent" -> host = new HostResources(host.execRoot(), value, host.networks());
        case "--network-prefix" ->
            host =
                new HostResources(
                    host.execRoot(), host.cgroupParent(), host.networks().withNamePrefix(value));
        case "--network-pool" ->
            host =
                new HostResources(
                    host.execRoot(),
                    host.cgroupParent(),
                    host.networks().withPool(Cidr.parse(value), 24));
        case "--insecure-registry" -> registries = registries.withInsecureRegistry(value);
        case "--registry-certs-dir" -> certsDirectories.add(Path.of(value));
        case "--registry-mirror" -> registries = registries.withMirror(value);
        default -> throw new IllegalArgumentException("unknown option \"" + arg + "\"");
      }
    }
    if (!certsDirectories.isEmpty()) {
      registries = registries.withCertsDirectories(certsDirectories);
    }
    return new EngineOptions(socketPath, dataRoot, ApiVersions.DEFAULT, host, registries);
  }

  private static Path socketOf(String host) {
    if (host.startsWith("unix://") && host.length() > "unix://".length()) {
      String path = host.substring("unix://".length());
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException(
            "--host \"" + host + "\": the socket path must be absolute (unix:///run/x.sock)");
      }
      return Path.of(path);
    }
    if (host.startsWith("tcp://") || host.startsWith("fd://")) {
      throw new IllegalArgumentException(
          "--host \"" + host + "\": only unix sockets are served (unix:///path/to/engine.sock)");
    }
    throw new IllegalArgumentException(
        "--host \"" + host + "\": expected unix:///path/to/engine.sock");
  }
}
