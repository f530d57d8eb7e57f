package io.jcompose.model.envfile;

import io.jcompose.model.dotenv.DotEnv;
import io.jcompose.model.dotenv.DotEnvException;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads each service's {@code env_file} entries into its {@code environment}, as docker compose
 * does before printing or running: later files win over earlier ones, {@code environment} wins over
 * all, and a missing required file is an error.
 */
public final class EnvFiles {

  private EnvFiles() {}

  public static MapNode resolve(
      MapNode document,
      Path projectDirectory,
      Function<String, Optional<String>> projectEnvironment,
      Diagnostics diagnostics) {
    if (!(document.get("services") instanceof MapNode services)) {
      return document;
    }
    var result = new LinkedHashMap<String, Node>();
    boolean changed = false;
    for (var entry : services.entries().entrySet()) {
      Node service = entry.getValue();
      if (service instanceof MapNode map && map.get("env_file") instanceof SeqNode files) {
        service =
            withFiles(
                entry.getKey(), map, files, projectDirectory, projectEnvironment, diagnostics);
        changed = true;
      }
      result.put(entry.getKey(), service);
    }
    return changed ? document.with("services", services.withEntries(result)) : document;
  }

  private static MapNode withFiles(
      String serviceName,
      MapNode service,
      SeqNode files,
      Path projectDirectory,
      Function<String, Optional<String>> projectEnvironment,
      Diagnostics diagnostics) {
    MapNode environment =
        service.get("environment") instanceof MapNode map ? map : MapNode.empty(service.position());
    var values = new LinkedHashMap<String, Node>();
    Function<String, Optional<String>> lookup =
        name ->
            projectEnvironment
                .apply(name)
                .or(() -> environment.text(name))
                .or(
                    () ->
                        Optional.ofNullable(values.get(name))
                            .filter(v -> v instanceof ScalarNode s && !s.isNull())
                            .map(v -> ((ScalarNode) v).text()));
    for (int index = 0; index < files.size(); index++) {
      if (!(files.get(index) instanceof MapNode entry) || entry.text("path").isEmpty()) {
        continue;
      }
      YamlPath path = YamlPath.of("services", serviceName, "env_file").index(index);
      Path file = projectDirectory.resolve(entry.text("path").get()).normalize();
      boolean required =
          !(entry.get("required") instanceof ScalarNode flag)
              || !Boolean.FALSE.equals(flag.value());
      if (!Files.exists(file)) {
        if (required) {
          diagnostics.error(
              entry.position(),
              path,
              "env file " + file + " not found",
              "create it, or mark the entry required: false");
        }
        continue;
      }
      Map<String, String> read = read(file, entry, lookup, path, diagnostics);
      Position position = entry.position();
      read.forEach((key, value) -> values.put(key, ScalarNode.of(value, position)));
    }
    values.putAll(environment.entries());
    return service.with("environment", environment.withEntries(values)).without("env_file");
  }

  private static Map<String, String> read(
      Path file,
      MapNode entry,
      Function<String, Optional<String>> lookup,
      YamlPath path,
      Diagnostics diagnostics) {
    try {
      return entry.text("format").filter("raw"::equals).isPresent()
          ? DotEnv.readRaw(file)
          : DotEnv.read(file, lookup);
    } catch (DotEnvException e) {
      diagnostics.error(
          new Position(file.toString(), e.line(), e.column()), YamlPath.ROOT, e.getMessage());
    } catch (IOException e) {
      diagnostics.error(entry.position(), path, "cannot read env file " + file + ": " + e);
    }
    return Map.of();
  }
}
