package io.jcompose.model.canonical;

import static io.jcompose.model.canonical.Trees.scalar;
import static io.jcompose.model.canonical.Trees.text;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What {@code config --no-normalize} leaves out: the implicit default network, implicit {@code
 * depends_on} entries, inherited hook images and a {@code name} for every resource.
 */
final class Normalization {

  private static final List<String> NAMESPACE_KEYS =
      List.of("network_mode", "ipc", "pid", "uts", "cgroup");

  private Normalization() {}

  static MapNode apply(MapNode document, String projectName) {
    MapNode result = document;
    if (document.get("services") instanceof MapNode services) {
      var entries = new LinkedHashMap<String, Node>();
      for (var entry : services.entries().entrySet()) {
        Node service = entry.getValue();
        entries.put(entry.getKey(), service instanceof MapNode map ? service(map) : service);
      }
      MapNode normalized = services.withEntries(entries);
      result = result.with("services", normalized);
      if (usesDefaultNetwork(normalized)) {
        MapNode networks =
            result.get("networks") instanceof MapNode existing
                ? existing
                : Trees.map(document.position());
        if (!networks.has("default") || Trees.isNull(networks.get("default"))) {
          networks = networks.with("default", Trees.map(networks.position()));
        }
        result = result.with("networks", networks);
      }
    }
    for (String kind : ResourceForms.KINDS) {
      if (result.get(kind) instanceof MapNode resources) {
        result = result.with(kind, named(resources, projectName));
      }
    }
    return result;
  }

  private static MapNode service(MapNode service) {
    MapNode result = service;
    boolean noNetworks =
        !service.has("networks")
            || (service.get("networks") instanceof MapNode networks && networks.isEmpty());
    if (noNetworks && !service.has("network_mode") && !service.has("provider")) {
      result =
          result.with(
              "networks",
              Trees.map(service.position()).with("default", ScalarNode.nullAt(service.position())));
    }
    result = implicitDependencies(result);
    if (result.get("pre_start") instanceof SeqNode hooks && result.has("image")) {
      var items = new ArrayList<Node>();
      for (Node hook : hooks.items()) {
        items.add(
            hook instanceof MapNode map && !map.has("image")
                ? map.with("image", result.get("image"))
                : hook);
      }
      result = result.with("pre_start", hooks.withItems(items));
    }
    return result;
  }

  private static MapNode implicitDependencies(MapNode service) {
    MapNode dependsOn =
        service.get("depends_on") instanceof MapNode existing
            ? existing
            : Trees.map(service.position());
    MapNode before = dependsOn;
    if (service.get("links") instanceof SeqNode links) {
      for (Node link : links.items()) {
        String text = text(link);
        if (text != null) {
          dependsOn = addDependency(dependsOn, text.split(":", 2)[0], true, link.position());
        }
      }
    }
    for (String key : NAMESPACE_KEYS) {
      String mode = text(service.get(key));
      if (mode != null && mode.startsWith("service:")) {
        dependsOn =
            addDependency(
                dependsOn, mode.substring("service:".length()), true, service.get(key).position());
      }
    }
    if (service.get("volumes_from") instanceof SeqNode volumesFrom) {
      for (Node source : volumesFrom.items()) {
        String text = text(source);
        if (text != null && !text.startsWith("container:")) {
          dependsOn = addDependency(dependsOn, text.split(":", 2)[0], false, source.position());
        }
      }
    }
    return dependsOn == before ? service : service.with("depends_on", dependsOn);
  }

  private static MapNode addDependency(
      MapNode dependsOn, String serviceName, boolean restart, Position position) {
    if (dependsOn.has(serviceName)) {
      return dependsOn;
    }
    var entries = new LinkedHashMap<String, Node>();
    entries.put("condition", scalar("service_started", position));
    entries.put("restart", scalar(restart, position));
    entries.put("required", scalar(true, position));
    return dependsOn.with(serviceName, Trees.map(entries, position));
  }

  private static boolean usesDefaultNetwork(MapNode services) {
    for (Node service : services.entries().values()) {
      if (service instanceof MapNode map
          && map.get("networks") instanceof MapNode networks
          && networks.has("default")) {
        return true;
      }
    }
    return false;
  }

  /** Explicit name, else the key when external, else {@code <project>_<key>}. */
  private static MapNode named(MapNode resources, String projectName) {
    var entries = new LinkedHashMap<String, Node>();
    for (var entry : resources.entries().entrySet()) {
      String key = entry.getKey();
      Node resource = entry.getValue();
      MapNode map = resource instanceof MapNode m ? m : Trees.map(resource.position());
      if (text(map.get("name")) == null) {
        String name = Trees.isTrue(map.get("external")) ? key : projectName + "_" + key;
        map = map.with("name", scalar(name, map.position()));
      }
      entries.put(key, map);
    }
    return resources.withEntries(entries);
  }
}
