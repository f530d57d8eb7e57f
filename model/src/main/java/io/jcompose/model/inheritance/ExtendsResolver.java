package io.jcompose.model.inheritance;

import io.jcompose.model.canonical.RelativePaths;
import io.jcompose.model.load.SourceFiles;
import io.jcompose.model.merge.Merger;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.YamlPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Docker compose's {@code extends}: a service inherits a base service (from the same file or
 * another) and is merged over it with the override rules. The base is resolved recursively; a cycle
 * is reported with its whole chain.
 */
public final class ExtendsResolver {

  private final SourceFiles sources;
  private final UnaryOperator<Node> interpolate;
  private final boolean resolvePaths;
  private final Diagnostics diagnostics;
  private final Map<ServiceKey, Optional<MapNode>> resolved = new HashMap<>();
  private final Map<Path, MapNode> servicesByFile = new HashMap<>();

  /**
   * @param interpolate interpolates a document read from another file, with the same environment
   * @param resolvePaths whether relative paths of a base from another file are made absolute
   */
  public ExtendsResolver(
      SourceFiles sources,
      UnaryOperator<Node> interpolate,
      boolean resolvePaths,
      Diagnostics diagnostics) {
    this.sources = sources;
    this.interpolate = interpolate;
    this.resolvePaths = resolvePaths;
    this.diagnostics = diagnostics;
  }

  /** The document with every {@code extends} resolved and removed. */
  public MapNode resolveAll(MapNode document, Path file) {
    if (!(document.get("services") instanceof MapNode services)) {
      return document;
    }
    servicesByFile.put(key(file), services);
    boolean changed = false;
    var result = new LinkedHashMap<String, Node>();
    for (var entry : services.entries().entrySet()) {
      Node service = entry.getValue();
      if (service instanceof MapNode map && map.has("extends")) {
        Optional<MapNode> extended =
            resolve(new ServiceKey(key(file), entry.getKey()), new ArrayList<>());
        service = extended.isPresent() ? extended.get() : map.without("extends");
        changed = true;
      }
      result.put(entry.getKey(), service);
    }
    return changed ? document.with("services", services.withEntries(result)) : document;
  }

  private Optional<MapNode> resolve(ServiceKey service, List<ServiceKey> chain) {
    if (resolved.containsKey(service)) {
      return resolved.get(service);
    }
    MapNode services = servicesByFile.get(service.file());
    if (services == null || !(services.get(service.name()) instanceof MapNode definition)) {
      return Optional.empty();
    }
    if (!definition.has("extends")) {
      return Optional.of(definition);
    }
    YamlPath path = YamlPath.of("services", service.name(), "extends");
    Node extendsNode = definition.get("extends");
    if (chain.contains(service)) {
      var cycle = new ArrayList<>(chain.subList(chain.indexOf(service), chain.size()));
      cycle.add(service);
      diagnostics.error(
          extendsNode.position(),
          path,
          "circular reference in extends: "
              + cycle.stream().map(ServiceKey::toString).collect(Collectors.joining(" -> ")));
      resolved.put(service, Optional.empty());
      return Optional.empty();
    }
    chain.add(service);
    Optional<MapNode> result = Optional.empty();
    Optional<ServiceKey> base = baseOf(extendsNode, service, path);
    if (base.isPresent()) {
      Optional<MapNode> baseDefinition = resolve(base.get(), chain);
      if (baseDefinition.isPresent()) {
        MapNode relocated = relocate(baseDefinition.get(), base.get(), service);
        result = Optional.of(Merger.mergeService(relocated, definition.without("extends")));
      }
    }
    chain.remove(chain.size() - 1);
    resolved.put(service, result);
    return result;
  }

  /** The base service named by an {@code extends} node, after loading its file if needed. */
  private Optional<ServiceKey> baseOf(Node extendsNode, ServiceKey service, YamlPath path) {
    String baseName;
    Path file = service.file();
    if (extendsNode instanceof ScalarNode scalar && scalar.isString()) {
      baseName = scalar.text();
    } else if (extendsNode instanceof MapNode map && map.text("service").isPresent()) {
      baseName = map.text("service").get();
      if (map.text("file").isPresent()) {
        Path directory =
            file.toString().equals(SourceFiles.STDIN)
                ? Path.of("").toAbsolutePath()
                : file.getParent();
        file = directory.resolve(map.text("file").get()).toAbsolutePath().normalize();
        if (!loadFile(file, map.get("file").position(), path.key("file"))) {
          return Optional.empty();
        }
      }
    } else {
      diagnostics.error(
          extendsNode.position(),
          path,
          "extends must be a service name or a mapping with service (and file)");
      return Optional.empty();
    }
    MapNode services = servicesByFile.get(file);
    if (services == null || !(services.get(baseName) instanceof MapNode)) {
      String where = file.equals(service.file()) ? "" : " in " + sources.displayName(file);
      diagnostics.error(
          extendsNode.position(),
          path,
          "cannot extend service \"" + baseName + "\"" + where + ": no such service");
      return Optional.empty();
    }
    return Optional.of(new ServiceKey(file, baseName));
  }

  private boolean loadFile(Path file, Position from, YamlPath fromPath) {
    if (servicesByFile.containsKey(file)) {
      return true;
    }
    Optional<List<Node>> documents = sources.documents(file, from, fromPath, diagnostics);
    if (documents.isEmpty()) {
      return false;
    }
    var services = new LinkedHashMap<String, Node>();
    MapNode first = null;
    for (Node document : documents.get()) {
      if (interpolate.apply(document) instanceof MapNode map
          && map.get("services") instanceof MapNode found) {
        first = first == null ? found : first;
        for (var entry : found.entries().entrySet()) {
          services.putIfAbsent(entry.getKey(), entry.getValue());
        }
      }
    }
    servicesByFile.put(
        file, first == null ? MapNode.empty(Position.UNKNOWN) : first.withEntries(services));
    return true;
  }

  /** A base from another file keeps its relative paths relative to its own directory. */
  private MapNode relocate(MapNode base, ServiceKey baseKey, ServiceKey service) {
    if (!resolvePaths
        || baseKey.file().equals(service.file())
        || baseKey.file().toString().equals(SourceFiles.STDIN)) {
      return base;
    }
    return RelativePaths.resolveService(base, baseKey.file().getParent());
  }

  private static Path key(Path file) {
    return file.toString().equals(SourceFiles.STDIN) ? file : file.toAbsolutePath().normalize();
  }

  private record ServiceKey(Path file, String name) {
    @Override
    public String toString() {
      return file.getFileName() + ":" + name;
    }
  }
}
