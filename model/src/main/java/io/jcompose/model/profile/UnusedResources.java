package io.jcompose.model.profile;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;

/** Drops top-level networks, volumes, configs and secrets that no enabled service refers to. */
final class UnusedResources {

  private UnusedResources() {}

  static MapNode drop(MapNode document) {
    var networks = new HashSet<String>();
    var volumes = new HashSet<String>();
    var configs = new HashSet<String>();
    var secrets = new HashSet<String>();
    if (document.get("services") instanceof MapNode services) {
      for (Node node : services.entries().values()) {
        if (node instanceof MapNode service) {
          collectKeys(service.get("networks"), networks);
          collectSources(service.get("volumes"), volumes);
          collectSources(service.get("configs"), configs);
          collectSources(service.get("secrets"), secrets);
          if (service.get("build") instanceof MapNode build) {
            collectSources(build.get("secrets"), secrets);
          }
        }
      }
    }
    MapNode result = keepOnly(document, "networks", networks);
    result = keepOnly(result, "volumes", volumes);
    result = keepOnly(result, "configs", configs);
    return keepOnly(result, "secrets", secrets);
  }

  private static MapNode keepOnly(MapNode document, String section, Set<String> used) {
    if (!(document.get(section) instanceof MapNode resources)) {
      return document;
    }
    var kept = new LinkedHashMap<String, Node>();
    for (var entry : resources.entries().entrySet()) {
      if (used.contains(entry.getKey())) {
        kept.put(entry.getKey(), entry.getValue());
      }
    }
    if (kept.size() == resources.entries().size()) {
      return document;
    }
    return kept.isEmpty()
        ? document.without(section)
        : document.with(section, resources.withEntries(kept));
  }

  private static void collectKeys(Node node, Set<String> names) {
    if (node instanceof MapNode map) {
      names.addAll(map.entries().keySet());
    } else if (node instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        if (item instanceof ScalarNode scalar) {
          names.add(scalar.text());
        }
      }
    }
  }

  private static void collectSources(Node node, Set<String> names) {
    if (!(node instanceof SeqNode seq)) {
      return;
    }
    for (Node item : seq.items()) {
      if (item instanceof MapNode map) {
        Optional<String> source = map.text("source");
        if (source.isPresent()) {
          names.add(source.get());
        }
      } else if (item instanceof ScalarNode scalar) {
        String text = scalar.text();
        names.add(text.contains(":") ? text.substring(0, text.indexOf(':')) : text);
      }
    }
  }
}
