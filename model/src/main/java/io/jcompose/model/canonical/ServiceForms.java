package io.jcompose.model.canonical;

import static io.jcompose.model.canonical.Trees.scalar;
import static io.jcompose.model.canonical.Trees.text;

import io.jcompose.model.canonical.KeyValueForms.BareKey;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/** Rewrites one service from short syntax to docker compose's long syntax. */
final class ServiceForms {

  private static final Set<String> STRING_OR_LIST =
      Set.of("tmpfs", "dns", "dns_search", "label_file");
  private static final Set<String> PLAIN_MAPS = Set.of("labels", "annotations", "sysctls");

  private final CanonicalContext context;
  private final Problems problems;

  ServiceForms(CanonicalContext context, Problems problems) {
    this.context = context;
    this.problems = problems;
  }

  MapNode canonicalize(MapNode service, YamlPath path) {
    var entries = new LinkedHashMap<String, Node>();
    for (var entry : service.entries().entrySet()) {
      String key = entry.getKey();
      entries.put(key, rewrite(key, entry.getValue(), path.key(key)));
    }
    return service.withEntries(entries);
  }

  private Node rewrite(String key, Node value, YamlPath path) {
    if (STRING_OR_LIST.contains(key)) {
      return stringOrList(key, value);
    }
    if (PLAIN_MAPS.contains(key)) {
      return KeyValueForms.toMap(value, BareKey.EMPTY, context.environment());
    }
    return switch (key) {
      case "build" -> BuildForms.canonicalize(value, context);
      case "command", "entrypoint" -> CommandForms.command(value, path, problems);
      case "healthcheck" -> CommandForms.healthcheck(value, path, problems);
      case "depends_on" -> dependsOn(value);
      case "env_file" -> envFiles(value);
      case "environment" -> KeyValueForms.toMap(value, BareKey.LOOKUP, context.environment());
      case "extra_hosts" -> KeyValueForms.extraHosts(value);
      case "ports" -> PortForms.canonicalize(value, path, problems);
      case "volumes" -> MountForms.volumes(value, path, problems);
      case "devices" -> MountForms.devices(value, path, problems);
      case "secrets" -> MountForms.secrets(value);
      case "configs" -> MountForms.configs(value);
      case "networks", "models" -> namesToMap(value);
      case "pull_policy" ->
          "if_not_present".equals(text(value)) ? ((ScalarNode) value).withValue("missing") : value;
      case "gpus" -> gpus(value, path);
      case "deploy" -> deploy(value, path);
      case "logging" -> value instanceof MapNode logging ? withPlainMap(logging, "options") : value;
      case "develop" -> develop(value, path);
      default -> value;
    };
  }

  private Node stringOrList(String key, Node value) {
    if (value instanceof ScalarNode scalar && !scalar.isNull()) {
      value = Trees.asList(scalar);
    }
    if (key.equals("dns") && value instanceof SeqNode seq) {
      var servers = new ArrayList<Node>();
      for (Node item : seq.items()) {
        if (!"".equals(text(item))) {
          servers.add(item);
        }
      }
      return seq.withItems(servers);
    }
    return value;
  }

  /** A list of service names becomes {@code name: {condition: service_started, required: true}}. */
  private static Node dependsOn(Node value) {
    var entries = new LinkedHashMap<String, Node>();
    if (value instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        if (text(item) != null) {
          entries.put(text(item), dependency(Trees.map(item.position())));
        }
      }
      return Trees.map(entries, value.position()).withTag(value.tag());
    }
    if (value instanceof MapNode map) {
      for (var entry : map.entries().entrySet()) {
        Node dependency = entry.getValue();
        entries.put(
            entry.getKey(),
            dependency instanceof MapNode d
                ? dependency(d)
                : dependency(Trees.map(dependency.position())));
      }
      return map.withEntries(entries);
    }
    return value;
  }

  static MapNode dependency(MapNode dependency) {
    MapNode result = Trees.withDefault(dependency, "condition", "service_started");
    return Trees.withDefault(result, "required", true);
  }

  /** A path or list of paths becomes a list of {@code {path, required: true}}. */
  private static Node envFiles(Node value) {
    if (value instanceof ScalarNode scalar && scalar.isNull()) {
      return value;
    }
    SeqNode list = Trees.asList(value);
    var items = new ArrayList<Node>();
    for (Node item : list.items()) {
      MapNode file =
          item instanceof MapNode map ? map : Trees.map(item.position()).with("path", item);
      items.add(Trees.withDefault(file, "required", true));
    }
    return list.withItems(items);
  }

  /** A list of names becomes a mapping of name to null. */
  private static Node namesToMap(Node value) {
    if (!(value instanceof SeqNode seq)) {
      return value;
    }
    var entries = new LinkedHashMap<String, Node>();
    for (Node item : seq.items()) {
      if (text(item) != null) {
        entries.put(text(item), ScalarNode.nullAt(item.position()));
      }
    }
    return Trees.map(entries, value.position()).withTag(value.tag());
  }

  private Node gpus(Node value, YamlPath path) {
    if ("all".equals(text(value))) {
      return Trees.seq(List.of(Trees.map(value.position()).with("count", value)), value.position());
    }
    return deviceRequests(value, path);
  }

  private Node deviceRequests(Node value, YamlPath path) {
    if (!(value instanceof SeqNode seq)) {
      return value;
    }
    var items = new ArrayList<Node>();
    for (int i = 0; i < seq.size(); i++) {
      items.add(deviceRequest(seq.get(i), path.index(i)));
    }
    return seq.withItems(items);
  }

  private Node deviceRequest(Node item, YamlPath itemPath) {
    if (!(item instanceof MapNode request)) {
      return item;
    }
    if (request.has("count") && request.has("device_ids")) {
      problems.error(
          request.keyPosition("device_ids"),
          itemPath.key("device_ids"),
          "device request sets both count and device_ids",
          "keep only one of them");
      return request;
    }
    return request.has("device_ids") ? request : Trees.withDefault(request, "count", "all");
  }

  /** {@code map} with the key-value list or mapping under {@code key} as a mapping. */
  private MapNode withPlainMap(MapNode map, String key) {
    Node value = map.get(key);
    return value == null
        ? map
        : map.with(key, KeyValueForms.toMap(value, BareKey.EMPTY, context.environment()));
  }

  private Node deploy(Node value, YamlPath path) {
    if (!(value instanceof MapNode deploy)) {
      return value;
    }
    MapNode result = withPlainMap(deploy, "labels");
    if (deploy.get("resources") instanceof MapNode resources
        && resources.get("reservations") instanceof MapNode reservations
        && reservations.get("devices") != null) {
      YamlPath devicesPath = path.key("resources").key("reservations").key("devices");
      result =
          result.with(
              "resources",
              resources.with(
                  "reservations",
                  reservations.with(
                      "devices", deviceRequests(reservations.get("devices"), devicesPath))));
    }
    return result;
  }

  /** Checks watch paths; {@code ignore} and {@code include} strings become lists. */
  private Node develop(Node value, YamlPath path) {
    if (value instanceof MapNode develop && develop.get("watch") instanceof SeqNode watch) {
      var rules = new ArrayList<Node>();
      for (int i = 0; i < watch.size(); i++) {
        Node item = watch.get(i);
        rules.add(
            item instanceof MapNode rule ? withList(withList(rule, "ignore"), "include") : item);
        if (item instanceof MapNode rule && rule.has("path")) {
          String watched = text(rule.get("path"));
          if (watched == null || watched.isBlank()) {
            problems.error(
                rule.get("path").position(),
                path.key("watch").index(i).key("path"),
                "develop.watch path cannot be empty",
                "name the file or directory to watch");
          }
        }
      }
      return develop.with("watch", watch.withItems(rules));
    }
    return value;
  }

  /** {@code map} with a string under {@code key} made a list of one. */
  private static MapNode withList(MapNode map, String key) {
    Node value = map.get(key);
    return value == null ? map : map.with(key, Trees.asList(value));
  }
}
