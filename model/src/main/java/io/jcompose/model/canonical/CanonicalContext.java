package io.jcompose.model.canonical;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the canonical stage needs besides the document.
 *
 * @param projectName the final, normalised project name
 * @param projectDirectory the directory relative paths are resolved against
 * @param environment the project environment (OS env over env files)
 * @param normalize false for {@code config --no-normalize}
 * @param resolvePaths false for {@code config --no-path-resolution}
 * @param interpolated false for {@code config --no-interpolate}: values that still hold {@code
 *     ${VAR}} and do not parse are then kept as written, not reported
 */
public record CanonicalContext(
    String projectName,
    Path projectDirectory,
    Function<String, Optional<String>> environment,
    boolean normalize,
    boolean resolvePaths,
    boolean interpolated) {

  public CanonicalContext {
    Objects.requireNonNull(projectName, "projectName");
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(environment, "environment");
  }

  /** A context for an interpolated document. */
  public CanonicalContext(
      String projectName,
      Path projectDirectory,
      Function<String, Optional<String>> environment,
      boolean normalize,
      boolean resolvePaths) {
    this(projectName, projectDirectory, environment, normalize, resolvePaths, true);
  }
}
