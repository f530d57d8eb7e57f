package io.jcompose.model.canonical;

import static io.jcompose.model.canonical.Trees.text;

import io.jcompose.model.project.MountSpec;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.UnaryOperator;

/**
 * Makes relative host paths absolute against a base directory, expanding {@code ~}, in short or
 * long syntax alike. Remote build contexts and named volumes are left alone.
 */
final class PathResolver {

  private final Path baseDirectory;
  private final String home;

  PathResolver(Path baseDirectory, String home) {
    this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    this.home = home;
  }

  String resolve(String path) {
    if (path.isEmpty() || isWindowsPath(path)) {
      return path;
    }
    if (path.startsWith("~")) {
      return Path.of(home, path.substring(1)).normalize().toString();
    }
    Path given = Path.of(path);
    return given.isAbsolute()
        ? given.normalize().toString()
        : baseDirectory.resolve(given).normalize().toString();
  }

  MapNode document(MapNode document) {
    MapNode result = document;
    if (document.get("services") instanceof MapNode services) {
      result = result.with("services", eachValue(services, this::service));
    }
    for (String kind : new String[] {"configs", "secrets"}) {
      if (result.get(kind) instanceof MapNode resources) {
        result = result.with(kind, eachValue(resources, r -> r.map("file", this::path)));
      }
    }
    if (result.get("volumes") instanceof MapNode volumes) {
      result = result.with("volumes", eachValue(volumes, this::localBindVolume));
    }
    return result.map("include", include -> eachListItem(include, this::include));
  }

  /** An include entry: a path, or {@code {path, project_directory, env_file}}. */
  private Node include(Node entry) {
    if (entry instanceof MapNode map) {
      return map.map("path", paths -> eachListItem(paths, this::path))
          .map("project_directory", this::path)
          .map("env_file", files -> eachListItem(files, this::path));
    }
    return path(entry);
  }

  MapNode service(MapNode service) {
    return service
        .map("build", this::build)
        .map("env_file", envFiles -> eachListItem(envFiles, this::envFile))
        .map("label_file", labelFiles -> eachListItem(labelFiles, this::path))
        .map("extends", e -> e instanceof MapNode map ? map.map("file", this::path) : e)
        .map("volumes", volumes -> eachListItem(volumes, this::volume))
        .map(
            "develop",
            develop ->
                develop instanceof MapNode map
                    ? map.map(
                        "watch",
                        watch ->
                            eachListItem(
                                watch,
                                rule ->
                                    rule instanceof MapNode r ? r.map("path", this::path) : rule))
                    : develop);
  }

  private Node build(Node build) {
    if (build instanceof ScalarNode) {
      return context(build);
    }
    if (!(build instanceof MapNode map)) {
      return build;
    }
    return map.map("context", this::context)
        .map("additional_contexts", contexts -> eachEntryValue(contexts, this::context))
        .map("ssh", ssh -> eachEntryValue(ssh, this::path));
  }

  private Node context(Node context) {
    String text = text(context);
    if (text == null || isRemote(text) || text.startsWith("service:")) {
      return context;
    }
    return path(context);
  }

  private Node envFile(Node envFile) {
    return envFile instanceof MapNode map ? map.map("path", this::path) : path(envFile);
  }

  private Node volume(Node volume) {
    if (volume instanceof MapNode map) {
      return "bind".equals(text(map.get("type"))) ? map.map("source", this::path) : map;
    }
    String text = text(volume);
    if (text == null || !(text.startsWith(".") || text.startsWith("~"))) {
      return volume;
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      return volume;
    }
    return ((ScalarNode) volume)
        .withValue(resolve(text.substring(0, colon)) + text.substring(colon));
  }

  private MapNode localBindVolume(MapNode volume) {
    String driver = text(volume.get("driver"));
    if (!"local".equals(driver) || !(volume.get("driver_opts") instanceof MapNode options)) {
      return volume;
    }
    String mountOptions = text(options.get("o"));
    if (mountOptions == null || !mountOptions.contains("bind")) {
      return volume;
    }
    return volume.with("driver_opts", options.map("device", this::path));
  }

  private Node path(Node node) {
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return scalar.withValue(resolve(scalar.text()));
    }
    return node;
  }

  /** Resolves {@code name=path} list items and mapping values alike; empty values are kept. */
  private Node eachEntryValue(Node entries, UnaryOperator<Node> change) {
    if (entries instanceof MapNode map) {
      var copy = new LinkedHashMap<String, Node>();
      map.entries()
          .forEach(
              (key, value) -> copy.put(key, "".equals(text(value)) ? value : change.apply(value)));
      return map.withEntries(copy);
    }
    return eachListItem(
        entries,
        item -> {
          String text = text(item);
          int equals = text == null ? -1 : text.indexOf('=');
          if (equals < 0) {
            return item;
          }
          ScalarNode value = ((ScalarNode) item).withValue(text.substring(equals + 1));
          String resolved = text(change.apply(value));
          return ((ScalarNode) item).withValue(text.substring(0, equals + 1) + resolved);
        });
  }

  private static Node eachListItem(Node list, UnaryOperator<Node> change) {
    if (list instanceof SeqNode seq) {
      var items = new ArrayList<Node>();
      seq.items().forEach(item -> items.add(change.apply(item)));
      return seq.withItems(items);
    }
    return Trees.isNull(list) ? list : change.apply(list);
  }

  private static MapNode eachValue(MapNode map, UnaryOperator<MapNode> change) {
    var copy = new LinkedHashMap<String, Node>();
    map.entries()
        .forEach(
            (key, value) -> copy.put(key, value instanceof MapNode m ? change.apply(m) : value));
    return map.withEntries(copy);
  }

  static boolean isRemote(String context) {
    return context.contains("://")
        || context.startsWith("git@")
        || context.startsWith("github.com/");
  }

  private static boolean isWindowsPath(String path) {
    return path.startsWith("\\\\")
        || (MountSpec.isHostPath(path)
            && path.length() >= 2
            && Character.isLetter(path.charAt(0))
            && path.charAt(1) == ':');
  }
}
