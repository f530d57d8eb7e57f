package io.jcompose.engine.network;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A network create ({@code POST /networks/create}).
 *
 * @param driver empty or {@code bridge}; the only driver the engine has
 */
public record NetworkRequest(
    String name,
    String driver,
    boolean internal,
    boolean attachable,
    IpamConfig ipam,
    Map<String, String> labels,
    Map<String, String> options) {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  public NetworkRequest {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid network name \"" + name + "\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    driver = driver == null || driver.isBlank() ? "bridge" : driver;
    Objects.requireNonNull(ipam, "ipam");
    labels = Map.copyOf(labels);
    options = Map.copyOf(options);
  }

  /** A plain bridge network with an automatic subnet. */
  public static NetworkRequest bridge(String name) {
    return new NetworkRequest(
        name, "bridge", false, false, IpamConfig.automatic(), Map.of(), Map.of());
  }

  public NetworkRequest withInternal(boolean value) {
    return new NetworkRequest(name, driver, value, attachable, ipam, labels, options);
  }

  public NetworkRequest withIpam(IpamConfig value) {
    return new NetworkRequest(name, driver, internal, attachable, value, labels, options);
  }
}
