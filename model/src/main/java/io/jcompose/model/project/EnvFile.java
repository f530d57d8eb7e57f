package io.jcompose.model.project;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code env_file} entry.
 *
 * @param format {@code raw} for verbatim values; empty for dotenv syntax
 */
public record EnvFile(String path, boolean required, Optional<String> format) {

  public EnvFile {
    Objects.requireNonNull(path, "path");
    if (path.isBlank()) {
      throw new IllegalArgumentException("an env_file needs a path");
    }
    Objects.requireNonNull(format, "format");
  }
}
