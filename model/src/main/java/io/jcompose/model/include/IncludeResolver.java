package io.jcompose.model.include;

import io.jcompose.model.dotenv.DotEnv;
import io.jcompose.model.dotenv.DotEnvException;
import io.jcompose.model.merge.Merger;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Docker compose's {@code include}: each entry is loaded as a project of its own (own project
 * directory, own env file) and its resources are copied in; a local definition of the same name is
 * merged over the imported one.
 */
public final class IncludeResolver {

  private static final List<String> RESOURCES =
      List.of("services", "networks", "volumes", "configs", "secrets", "models");

  /** Loads an included sub-project; the chain ends with the including file. */
  @FunctionalInterface
  public interface SubProjectLoader {
    Optional<MapNode> load(
        List<Path> files, Path projectDirectory, Map<String, String> environment, List<Path> chain);
  }

  private final SubProjectLoader loader;
  private final Map<String, String> environment;
  private final Path projectDirectory;
  private final Diagnostics diagnostics;

  public IncludeResolver(
      SubProjectLoader loader,
      Map<String, String> environment,
      Path projectDirectory,
      Diagnostics diagnostics) {
    this.loader = loader;
    this.environment = environment;
    this.projectDirectory = projectDirectory;
    this.diagnostics = diagnostics;
  }

  /** The document with its {@code include} entries loaded and merged under it. */
  public MapNode resolve(MapNode document, List<Path> chain) {
    Node include = document.get("include");
    if (include == null) {
      return document;
    }
    MapNode local = document.without("include");
    if (!(include instanceof SeqNode entries)) {
      diagnostics.error(
          include.position(),
          YamlPath.of("include"),
          "include must be a list, not " + include.kindName());
      return local;
    }
    MapNode imported = null;
    for (int index = 0; index < entries.size(); index++) {
      YamlPath path = YamlPath.of("include").index(index);
      Optional<MapNode> loaded = loadEntry(entries.get(index), path, chain);
      if (loaded.isEmpty()) {
        continue;
      }
      MapNode resources = onlyResources(loaded.get());
      imported = imported == null ? resources : Merger.mergeDocuments(imported, resources);
    }
    if (imported == null) {
      return local;
    }
    return Merger.mergeDocuments(imported, local);
  }

  private Optional<MapNode> loadEntry(Node entry, YamlPath path, List<Path> chain) {
    List<Path> files = new ArrayList<>();
    Optional<Path> directory = Optional.empty();
    List<Path> envFiles = new ArrayList<>();
    if (entry instanceof ScalarNode scalar && scalar.isString()) {
      files.add(resolve(scalar.text()));
    } else if (entry instanceof MapNode map) {
      strings(map.get("path")).forEach(p -> files.add(resolve(p)));
      directory = map.text("project_directory").map(this::resolve);
      strings(map.get("env_file")).forEach(p -> envFiles.add(resolve(p)));
    } else {
      diagnostics.error(
          entry.position(),
          path,
          "an include entry must be a path or a mapping with path, not " + entry.kindName());
      return Optional.empty();
    }
    if (files.isEmpty()) {
      diagnostics.error(entry.position(), path, "include entry has no path");
      return Optional.empty();
    }
    for (Path file : files) {
      if (chain.contains(file)) {
        var cycle = new ArrayList<>(chain.subList(chain.indexOf(file), chain.size()));
        cycle.add(file);
        diagnostics.error(
            entry.position(),
            path,
            "include cycle detected: "
                + cycle.stream().map(Path::toString).collect(Collectors.joining(" -> ")));
        return Optional.empty();
      }
      if (!Files.isRegularFile(file)) {
        diagnostics.error(entry.position(), path, "included file " + file + " does not exist");
        return Optional.empty();
      }
    }
    Path subDirectory = directory.orElse(files.get(0).getParent());
    Map<String, String> subEnvironment = environmentFor(subDirectory, envFiles, entry, path);
    return loader.load(files, subDirectory, subEnvironment, chain);
  }

  /** The parent environment over the included project's env files (the parent wins). */
  private Map<String, String> environmentFor(
      Path subDirectory, List<Path> envFiles, Node entry, YamlPath path) {
    if (envFiles.isEmpty()) {
      Path dotEnv = subDirectory.resolve(".env");
      if (Files.isRegularFile(dotEnv)) {
        envFiles = List.of(dotEnv);
      }
    }
    var values = new LinkedHashMap<String, String>();
    for (Path envFile : envFiles) {
      if (envFile.toString().equals("/dev/null")) {
        continue;
      }
      try {
        values.putAll(
            DotEnv.read(
                envFile,
                name ->
                    Optional.ofNullable(environment.get(name))
                        .or(() -> Optional.ofNullable(values.get(name)))));
      } catch (DotEnvException e) {
        diagnostics.error(
            new Position(envFile.toString(), e.line(), e.column()), YamlPath.ROOT, e.getMessage());
      } catch (IOException e) {
        diagnostics.error(
            entry.position(), path, "cannot read env file " + envFile + ": " + e.getMessage());
      }
    }
    values.putAll(environment);
    return values;
  }

  private static MapNode onlyResources(MapNode model) {
    var kept = new LinkedHashMap<String, Node>();
    for (String key : RESOURCES) {
      if (model.get(key) != null) {
        kept.put(key, model.get(key));
      }
    }
    return model.withEntries(kept);
  }

  private Path resolve(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return projectDirectory.resolve(path).toAbsolutePath().normalize();
  }

  private static List<String> strings(Node node) {
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return List.of(scalar.text());
    }
    if (node instanceof SeqNode seq) {
      return seq.items().stream()
          .filter(item -> item instanceof ScalarNode s && !s.isNull())
          .map(item -> ((ScalarNode) item).text())
          .toList();
    }
    return List.of();
  }
}
