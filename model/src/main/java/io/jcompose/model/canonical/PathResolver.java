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
      result = result.with("services", eachValue(services, Form.SERVICE));
    }
    for (String kind : new String[] {"configs", "secrets"}) {
      if (result.get(kind) instanceof MapNode resources) {
        result = result.with(kind, eachValue(resources, Form.FILE_RESOURCE));
      }
    }
    if (result.get("volumes") instanceof MapNode volumes) {
      result = result.with("volumes", eachValue(volumes, Form.LOCAL_BIND_VOLUME));
    }
    Node include = result.get("include");
    return include == null ? result : result.with("include", eachListItem(include, Form.INCLUDE));
  }

  /** What to resolve in one item of a list or one value of a mapping. */
  private enum Form {
    SERVICE,
    FILE_RESOURCE,
    LOCAL_BIND_VOLUME,
    INCLUDE,
    PATH,
    CONTEXT,
    ENV_FILE,
    VOLUME,
    WATCH_RULE
  }

  private Node resolve(Form form, Node node) {
    return switch (form) {
      case SERVICE -> service((MapNode) node);
      case FILE_RESOURCE -> withPath((MapNode) node, "file");
      case LOCAL_BIND_VOLUME -> localBindVolume((MapNode) node);
      case INCLUDE -> include(node);
      case PATH -> path(node);
      case CONTEXT -> context(node);
      case ENV_FILE -> envFile(node);
      case VOLUME -> volume(node);
      case WATCH_RULE -> node instanceof MapNode rule ? withPath(rule, "path") : node;
    };
  }

  /** An include entry: a path, or {@code {path, project_directory, env_file}}. */
  private Node include(Node entry) {
    if (!(entry instanceof MapNode map)) {
      return path(entry);
    }
    MapNode result = map;
    for (var field : map.entries().entrySet()) {
      Node value = field.getValue();
      Node resolved =
          switch (field.getKey()) {
            case "path", "env_file" -> eachListItem(value, Form.PATH);
            case "project_directory" -> path(value);
            default -> value;
          };
      result = withChanged(result, field.getKey(), value, resolved);
    }
    return result;
  }

  MapNode service(MapNode service) {
    MapNode result = service;
    for (var field : service.entries().entrySet()) {
      Node value = field.getValue();
      Node resolved =
          switch (field.getKey()) {
            case "build" -> build(value);
            case "env_file" -> eachListItem(value, Form.ENV_FILE);
            case "label_file" -> eachListItem(value, Form.PATH);
            case "extends" -> value instanceof MapNode map ? withPath(map, "file") : value;
            case "volumes" -> eachListItem(value, Form.VOLUME);
            case "develop" -> develop(value);
            default -> value;
          };
      result = withChanged(result, field.getKey(), value, resolved);
    }
    return result;
  }

  private Node develop(Node develop) {
    if (!(develop instanceof MapNode map)) {
      return develop;
    }
    Node watch = map.get("watch");
    return watch == null ? map : map.with("watch", eachListItem(watch, Form.WATCH_RULE));
  }

  private Node build(Node build) {
    if (build instanceof ScalarNode) {
      return context(build);
    }
    if (!(build instanceof MapNode map)) {
      return build;
    }
    MapNode result = map;
    for (var field : map.entries().entrySet()) {
      Node value = field.getValue();
      Node resolved =
          switch (field.getKey()) {
            case "context" -> context(value);
            case "additional_contexts" -> eachEntryValue(value, Form.CONTEXT);
            case "ssh" -> eachEntryValue(value, Form.PATH);
            default -> value;
          };
      result = withChanged(result, field.getKey(), value, resolved);
    }
    return result;
  }

  private Node context(Node context) {
    String text = text(context);
    if (text == null || isRemote(text) || text.startsWith("service:")) {
      return context;
    }
    return path(context);
  }

  private Node envFile(Node envFile) {
    return envFile instanceof MapNode map ? withPath(map, "path") : path(envFile);
  }

  private Node volume(Node volume) {
    if (volume instanceof MapNode map) {
      return "bind".equals(text(map.get("type"))) ? withPath(map, "source") : map;
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
    return volume.with("driver_opts", withPath(options, "device"));
  }

  /** {@code map} with the path under {@code key} resolved, when present. */
  private MapNode withPath(MapNode map, String key) {
    Node value = map.get(key);
    return value == null ? map : map.with(key, path(value));
  }

  private static MapNode withChanged(MapNode map, String key, Node value, Node resolved) {
    return resolved == value ? map : map.with(key, resolved);
  }

  private Node path(Node node) {
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return scalar.withValue(resolve(scalar.text()));
    }
    return node;
  }

  /** Resolves {@code name=path} list items and mapping values alike; empty values are kept. */
  private Node eachEntryValue(Node entries, Form form) {
    if (entries instanceof MapNode map) {
      var copy = new LinkedHashMap<String, Node>();
      for (var entry : map.entries().entrySet()) {
        Node value = entry.getValue();
        copy.put(entry.getKey(), "".equals(text(value)) ? value : resolve(form, value));
      }
      return map.withEntries(copy);
    }
    if (entries instanceof SeqNode seq) {
      var items = new ArrayList<Node>();
      for (Node item : seq.items()) {
        items.add(entryValue(item, form));
      }
      return seq.withItems(items);
    }
    return Trees.isNull(entries) ? entries : entryValue(entries, form);
  }

  private Node entryValue(Node item, Form form) {
    String text = text(item);
    int equals = text == null ? -1 : text.indexOf('=');
    if (equals < 0) {
      return item;
    }
    ScalarNode value = ((ScalarNode) item).withValue(text.substring(equals + 1));
    String resolved = text(resolve(form, value));
    return ((ScalarNode) item).withValue(text.substring(0, equals + 1) + resolved);
  }

  private Node eachListItem(Node list, Form form) {
    if (list instanceof SeqNode seq) {
      var items = new ArrayList<Node>();
      for (Node item : seq.items()) {
        items.add(resolve(form, item));
      }
      return seq.withItems(items);
    }
    return Trees.isNull(list) ? list : resolve(form, list);
  }

  private MapNode eachValue(MapNode map, Form form) {
    var copy = new LinkedHashMap<String, Node>();
    for (var entry : map.entries().entrySet()) {
      Node value = entry.getValue();
      copy.put(entry.getKey(), value instanceof MapNode ? resolve(form, value) : value);
    }
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
