package io.jcompose.adapter;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What endpoint discovery reads: the command line, the environment and the docker client's
 * configuration directory.
 *
 * @param host {@code -H/--host}
 * @param context {@code --context}
 * @param engine {@code --engine}
 * @param environment the process environment ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY},
 *     {@code DOCKER_CERT_PATH}, {@code DOCKER_CONTEXT}, {@code DOCKER_CONFIG}, {@code HOME})
 */
public record EndpointRequest(
    Optional<String> host,
    Optional<String> context,
    EngineChoice engine,
    Map<String, String> environment) {

  public EndpointRequest {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(engine, "engine");
    environment = Map.copyOf(environment);
  }

  /** {@code DOCKER_CONFIG}, else {@code $HOME/.docker}. */
  public Path dockerConfigDirectory() {
    String configured = environment.get("DOCKER_CONFIG");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".docker");
  }
}
