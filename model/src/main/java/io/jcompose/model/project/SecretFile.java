package io.jcompose.model.project;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A top-level secret: exactly one of a file or an environment variable, unless it is external or
 * provided by a driver.
 */
public record SecretFile(
    String key,
    String name,
    Optional<String> file,
    Optional<String> environment,
    Optional<String> driver,
    boolean external,
    Map<String, String> labels) {

  public SecretFile {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(driver, "driver");
    labels = Ordered.copy(labels);
    if (!external && driver.isEmpty() && file.isPresent() == environment.isPresent()) {
      throw new IllegalArgumentException(
          "secret \"" + key + "\" must set exactly one of file or environment");
    }
  }
}
