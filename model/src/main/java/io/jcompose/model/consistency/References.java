package io.jcompose.model.consistency;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.YamlPath;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/** Checks that what a service names (networks, volumes, secrets, configs, services) exists. */
final class References {

  private static final String SERVICE_PREFIX = "service:";

  private final MapNode document;
  private final Set<String> disabledServices;
  private final Diagnostics diagnostics;

  References(MapNode document, Set<String> disabledServices, Diagnostics diagnostics) {
    this.document = document;
    this.disabledServices = disabledServices;
    this.diagnostics = diagnostics;
  }

  void checkNetworks(String serviceName, MapNode service) {
    if (!(service.get("networks") instanceof MapNode networks)) {
      return;
    }
    Set<String> defined = names("networks");
    for (String network : networks.entries().keySet()) {
      if (!defined.contains(network)) {
        diagnostics.error(
            networks.keyPosition(network),
            YamlPath.of("services", serviceName, "networks", network),
            "service \"" + serviceName + "\" refers to undefined network \"" + network + "\"",
            hintOrDeclare(network, defined, "networks"));
      }
    }
  }

  void checkMounts(String serviceName, MapNode service) {
    Set<String> defined = names("volumes");
    var targets = new HashMap<String, Integer>();
    int counter = 0;
    for (Node item : ConsistencyChecker.items(service.get("volumes"))) {
      int index = counter++;
      YamlPath path = YamlPath.of("services", serviceName, "volumes").index(index);
      if (!(item instanceof MapNode mount)) {
        continue;
      }
      String type = mount.text("type").orElse("volume");
      String source = text(mount, "source");
      if (source != null && type.equals("volume") && !defined.contains(source)) {
        diagnostics.error(
            mount.position(),
            path.key("source"),
            "service \"" + serviceName + "\" refers to undefined volume \"" + source + "\"",
            hintOrDeclare(source, defined, "volumes"));
      }
      String target = text(mount, "target");
      if (target != null) {
        Integer earlier = targets.putIfAbsent(target, index);
        if (earlier != null) {
          diagnostics.error(
              mount.position(),
              path.key("target"),
              "service \""
                  + serviceName
                  + "\" mounts two volumes on \""
                  + target
                  + "\" (volumes["
                  + earlier
                  + "] and this one)",
              "give each mount its own target");
        }
      }
    }
  }

  void checkNamed(String serviceName, MapNode service, String section, String kind) {
    Set<String> defined = names(section);
    int index = 0;
    for (Node item : ConsistencyChecker.items(service.get(section))) {
      YamlPath path = YamlPath.of("services", serviceName, section).index(index++);
      String source =
          item instanceof MapNode map
              ? map.text("source").orElse("")
              : item instanceof ScalarNode scalar ? scalar.text() : "";
      if (!source.isEmpty() && !defined.contains(source)) {
        diagnostics.error(
            item.position(),
            path,
            "service \"" + serviceName + "\" refers to undefined " + kind + " \"" + source + "\"",
            hintOrDeclare(source, defined, section));
      }
    }
  }

  void checkDependencies(String serviceName, MapNode service, MapNode services) {
    if (!(service.get("depends_on") instanceof MapNode dependsOn)) {
      return;
    }
    for (String target : dependsOn.entries().keySet()) {
      if (services.has(target) || disabledServices.contains(target)) {
        continue;
      }
      diagnostics.error(
          dependsOn.keyPosition(target),
          YamlPath.of("services", serviceName, "depends_on", target),
          "service \"" + serviceName + "\" depends on undefined service \"" + target + "\"",
          ConsistencyChecker.hint(target, services.entries().keySet()));
    }
  }

  void checkNamespaceServices(String serviceName, MapNode service, MapNode services) {
    for (String key : new String[] {"network_mode", "ipc", "pid", "uts", "cgroup"}) {
      String value = text(service, key);
      if (value == null || !value.startsWith(SERVICE_PREFIX)) {
        continue;
      }
      String target = value.substring(SERVICE_PREFIX.length());
      if (!services.has(target)) {
        diagnostics.error(
            service.get(key).position(),
            YamlPath.of("services", serviceName, key),
            "service \""
                + serviceName
                + "\" uses the "
                + key
                + " of undefined service \""
                + target
                + "\"",
            ConsistencyChecker.hint(target, services.entries().keySet()));
      }
    }
  }

  private String hintOrDeclare(String name, Set<String> defined, String section) {
    String hint = ConsistencyChecker.hint(name, defined);
    return hint.isEmpty() ? "declare it under the top-level " + section + ": key" : hint;
  }

  /** What MapNode.text gives, without an Optional: these checks run once per service. */
  private static String text(MapNode map, String key) {
    return map.get(key) instanceof ScalarNode scalar && !scalar.isNull() ? scalar.text() : null;
  }

  private Set<String> names(String section) {
    return document.get(section) instanceof MapNode map
        ? new LinkedHashSet<>(map.entries().keySet())
        : Set.of();
  }
}
