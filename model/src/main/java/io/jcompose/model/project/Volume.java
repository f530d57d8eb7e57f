package io.jcompose.model.project;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A top-level named volume.
 *
 * @param key the name used in the compose file
 * @param name the engine-side name ({@code <project>_<key>} unless given or external)
 */
public record Volume(
    String key,
    String name,
    Optional<String> driver,
    Map<String, String> driverOpts,
    boolean external,
    Map<String, String> labels) {

  public Volume {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("volume \"" + key + "\" needs a name");
    }
    Objects.requireNonNull(driver, "driver");
    driverOpts = Ordered.copy(driverOpts);
    labels = Ordered.copy(labels);
    if (external && (driver.isPresent() || !driverOpts.isEmpty() || !labels.isEmpty())) {
      throw new IllegalArgumentException("external volume \"" + key + "\" may only set a name");
    }
  }
}
