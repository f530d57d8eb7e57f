package io.jcompose.model.project;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A service's log driver and its options. */
public record Logging(Optional<String> driver, Map<String, String> options) {

  public Logging {
    Objects.requireNonNull(driver, "driver");
    options = Ordered.copy(options);
  }
}
