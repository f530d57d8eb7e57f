package io.jcompose.model.load;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Docker compose's project-name rules (compose-inventory.md §2.11). */
final class ProjectNames {

  private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

  private ProjectNames() {}

  private static Optional<String> nonEmpty(Optional<String> name) {
    return name.isPresent() && name.get().isEmpty() ? Optional.empty() : name;
  }

  private static String directoryName(Path directory) {
    return directory.getFileName() == null ? "" : directory.getFileName().toString();
  }

  /** {@code -p}, else {@code COMPOSE_PROJECT_NAME}; either must already be a valid name. */
  static Optional<String> explicit(
      Optional<String> flag, Environment environment, Diagnostics diagnostics) {
    Optional<String> name = nonEmpty(flag);
    String source = "-p";
    if (name.isEmpty()) {
      name = nonEmpty(environment.lookup("COMPOSE_PROJECT_NAME"));
      source = "COMPOSE_PROJECT_NAME";
    }
    if (name.isPresent() && !VALID.matcher(name.get()).matches()) {
      diagnostics.error(
          Position.UNKNOWN,
          YamlPath.ROOT,
          "invalid project name \""
              + name.get()
              + "\" (from "
              + source
              + "): it must consist only of lowercase alphanumeric characters, hyphens, and"
              + " underscores as well as start with a letter or number",
          "try \"" + normalize(name.get()) + "\"");
      return Optional.empty();
    }
    return name;
  }

  /** The top-level {@code name}, else the project directory's name, normalised. */
  static Optional<String> implicit(MapNode model, Path projectDirectory, Diagnostics diagnostics) {
    Optional<String> fromModel = model.text("name");
    if (fromModel.isPresent() && fromModel.get().isBlank()) {
      fromModel = Optional.empty();
    }
    String raw = fromModel.isPresent() ? fromModel.get() : directoryName(projectDirectory);
    String name = normalize(raw);
    if (name.isEmpty()) {
      Position position = model.has("name") ? model.get("name").position() : Position.UNKNOWN;
      diagnostics.error(
          position,
          fromModel.isPresent() ? YamlPath.of("name") : YamlPath.ROOT,
          "project name \"" + raw + "\" is empty once normalised",
          "give the project a name with -p or a top-level name:");
      return Optional.empty();
    }
    return Optional.of(name);
  }

  static String normalize(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    return lower.replaceFirst("^[_-]+", "");
  }
}
