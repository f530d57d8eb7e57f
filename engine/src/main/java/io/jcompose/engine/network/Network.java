package io.jcompose.engine.network;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A network as the engine keeps it; its endpoints are asked for separately ({@link
 * Networks#endpoints}).
 *
 * @param driver {@code bridge}, or {@code host} / {@code null} for the predefined networks of those
 *     names
 * @param addressing the IPv4 plan; empty for {@code host} and {@code none}
 */
public record Network(
    String id,
    String name,
    String driver,
    Instant created,
    boolean internal,
    boolean attachable,
    Map<String, String> labels,
    Map<String, String> options,
    Optional<Addressing> addressing) {

  /** The default network of containers that name none, with a bridge of its own (not docker0). */
  public static final String DEFAULT_BRIDGE = "bridge";

  public static final String HOST = "host";
  public static final String NONE = "none";
  public static final Set<String> PREDEFINED = Set.of(DEFAULT_BRIDGE, HOST, NONE);

  public Network {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(created, "created");
    labels = Map.copyOf(labels);
    options = Map.copyOf(options);
    Objects.requireNonNull(addressing, "addressing");
  }

  public boolean predefined() {
    return PREDEFINED.contains(name);
  }

  /** Always {@code local}: the engine has no swarm scope. */
  public String scope() {
    return "local";
  }

  /** Whether containers get an interface on it (host and none have none). */
  boolean bridged() {
    return driver.equals("bridge");
  }
}
