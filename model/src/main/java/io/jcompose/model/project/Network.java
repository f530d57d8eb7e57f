package io.jcompose.model.project;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A top-level network.
 *
 * @param key the name used in the compose file
 * @param name the engine-side name ({@code <project>_<key>} unless given or external)
 * @param other remaining attributes ({@code ipam}, {@code enable_ipv4}...) as plain values
 */
public record Network(
    String key,
    String name,
    Optional<String> driver,
    Map<String, String> driverOpts,
    boolean external,
    boolean internal,
    boolean attachable,
    Optional<Boolean> enableIpv6,
    Map<String, String> labels,
    Map<String, Object> other) {

  public Network {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("network \"" + key + "\" needs a name");
    }
    Objects.requireNonNull(driver, "driver");
    driverOpts = Ordered.copy(driverOpts);
    Objects.requireNonNull(enableIpv6, "enableIpv6");
    labels = Ordered.copy(labels);
    other = Ordered.copy(other);
  }
}
