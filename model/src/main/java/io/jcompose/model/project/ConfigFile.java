package io.jcompose.model.project;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A top-level config: exactly one of a file, an environment variable or inline content, unless it
 * is external or provided by a driver.
 */
public record ConfigFile(
    String key,
    String name,
    Optional<String> file,
    Optional<String> environment,
    Optional<String> content,
    Optional<String> driver,
    boolean external,
    Map<String, String> labels) {

  public ConfigFile {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(driver, "driver");
    labels = Ordered.copy(labels);
    int sources =
        (file.isPresent() ? 1 : 0)
            + (environment.isPresent() ? 1 : 0)
            + (content.isPresent() ? 1 : 0);
    if (!external && driver.isEmpty() && sources != 1) {
      throw new IllegalArgumentException(
          "config \"" + key + "\" must set exactly one of file, environment or content");
    }
  }
}
