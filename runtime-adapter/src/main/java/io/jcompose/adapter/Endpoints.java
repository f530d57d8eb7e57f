package io.jcompose.adapter;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

/**
 * Endpoint discovery (DESIGN.md §4), first match wins: {@code -H}, {@code DOCKER_HOST}, a docker
 * context ({@code --context}, {@code DOCKER_CONTEXT}, {@code currentContext} in {@code
 * config.json}; {@code default} means none), {@code /var/run/docker.sock} if it answers a ping,
 * else the bundled engine. {@link EngineChoice#DOCKER} never gives the bundled engine; {@link
 * EngineChoice#BUNDLED} always does.
 */
public final class Endpoints {

  /** Where the bundled engine listens unless {@code -H} or {@code JCOMPOSE_ENGINE_HOST} says. */
  public static final Path BUNDLED_SOCKET = Path.of("/run/jcompose/engine.sock");

  static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
  static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);

  private Endpoints() {}

  /**
   * @throws NoEndpointException when the request names an unusable endpoint, or {@code --engine
   *     docker} finds none
   */
  public static Endpoint resolve(EndpointRequest request) {
    return resolve(request, DEFAULT_SOCKET, PROBE_TIMEOUT);
  }

  /** With the default socket and its probe timeout given, for tests. */
  static Endpoint resolve(EndpointRequest request, Path defaultSocket, Duration probeTimeout) {
    Map<String, String> environment = request.environment();
    if (request.engine() == EngineChoice.BUNDLED) {
      return bundled(request);
    }
    var tried = new ArrayList<String>();
    Optional<String> host = request.host().flatMap(HostAddress::nonBlank);
    if (host.isPresent()) {
      return fromHost(host.get(), "-H", Endpoint.Origin.HOST_FLAG, environment, request);
    }
    tried.add("no -H");
    Optional<String> dockerHost = HostAddress.nonBlank(environment.get("DOCKER_HOST"));
    if (dockerHost.isPresent()) {
      return fromHost(
          dockerHost.get(), "DOCKER_HOST", Endpoint.Origin.DOCKER_HOST, environment, request);
    }
    tried.add("DOCKER_HOST unset");
    Optional<Endpoint> context = fromContext(request);
    if (context.isPresent()) {
      return context.get();
    }
    tried.add("no docker context selected");
    Optional<String> whyNot = SocketProbe.whyNotAnswering(defaultSocket, probeTimeout);
    if (whyNot.isEmpty()) {
      return new Endpoint(
          URI.create("unix://" + defaultSocket), Endpoint.Origin.DEFAULT_SOCKET, Optional.empty());
    }
    tried.add(whyNot.get());
    if (request.engine() == EngineChoice.DOCKER) {
      throw new NoEndpointException(
          "no Docker endpoint found ("
              + String.join(", ", tried)
              + "); start dockerd, pass -H unix:///path/to/docker.sock or set DOCKER_HOST,"
              + " or use --engine bundled");
    }
    return bundled(request);
  }

  private static Endpoint fromHost(
      String value,
      String source,
      Endpoint.Origin origin,
      Map<String, String> environment,
      EndpointRequest request) {
    boolean verify = HostAddress.nonBlank(environment.get("DOCKER_TLS_VERIFY")).isPresent();
    Optional<String> certPath = HostAddress.nonBlank(environment.get("DOCKER_CERT_PATH"));
    boolean tls = verify || certPath.isPresent();
    URI uri = HostAddress.parse(value, source, tls);
    Optional<Endpoint.Tls> material = Optional.empty();
    if (tls && HostAddress.isTcp(uri)) {
      Path directory = certPath.map(Path::of).orElse(request.dockerConfigDirectory());
      material = Optional.of(new Endpoint.Tls(directory, verify));
    }
    return new Endpoint(uri, origin, material);
  }

  private static Optional<Endpoint> fromContext(EndpointRequest request) {
    Path configDirectory = request.dockerConfigDirectory();
    String name;
    String selectedBy;
    Optional<String> flag = request.context().flatMap(HostAddress::nonBlank);
    Optional<String> variable = HostAddress.nonBlank(request.environment().get("DOCKER_CONTEXT"));
    if (flag.isPresent()) {
      name = flag.get();
      selectedBy = "--context";
    } else if (variable.isPresent()) {
      name = variable.get();
      selectedBy = "DOCKER_CONTEXT";
    } else {
      Optional<String> current;
      try {
        current = ClientConfig.read(configDirectory).currentContext();
      } catch (IllegalArgumentException unreadable) {
        throw new NoEndpointException(unreadable.getMessage(), unreadable);
      }
      if (current.isEmpty()) {
        return Optional.empty();
      }
      name = current.get();
      selectedBy = "currentContext in " + configDirectory.resolve("config.json");
    }
    if (name.equals("default")) {
      return Optional.empty();
    }
    return Optional.of(DockerContexts.endpoint(configDirectory, name, selectedBy));
  }

  /**
   * {@code -H unix://...}, else {@code JCOMPOSE_ENGINE_HOST}, else {@link #BUNDLED_SOCKET}; a tcp
   * {@code -H} cannot be the bundled engine, which listens on a unix socket only.
   */
  private static Endpoint bundled(EndpointRequest request) {
    Optional<String> host = request.host().flatMap(HostAddress::nonBlank);
    if (host.isPresent() && host.get().startsWith("unix://")) {
      return new Endpoint(
          HostAddress.parse(host.get(), "-H", false), Endpoint.Origin.BUNDLED, Optional.empty());
    }
    Optional<String> configured =
        HostAddress.nonBlank(request.environment().get("JCOMPOSE_ENGINE_HOST"));
    URI uri =
        configured.isPresent()
            ? HostAddress.parse(configured.get(), "JCOMPOSE_ENGINE_HOST", false)
            : URI.create("unix://" + BUNDLED_SOCKET);
    return new Endpoint(uri, Endpoint.Origin.BUNDLED, Optional.empty());
  }
}
