package io.jcompose.model.consistency;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.diagnostic.DidYouMean;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks docker compose makes once the model is canonical (compose-inventory.md §2.12): every
 * reference resolves, no dependency cycle, no clashing container names or mount targets, and
 * attributes that say the same thing twice agree.
 */
public final class ConsistencyChecker {

  private final MapNode document;
  private final Set<String> disabledServices;
  private final Diagnostics diagnostics;

  private ConsistencyChecker(
      MapNode document, Set<String> disabledServices, Diagnostics diagnostics) {
    this.document = document;
    this.disabledServices = disabledServices;
    this.diagnostics = diagnostics;
  }

  public static void check(
      MapNode document, Set<String> disabledServices, Diagnostics diagnostics) {
    new ConsistencyChecker(document, disabledServices, diagnostics).run();
  }

  private void run() {
    MapNode services = section("services");
    var containerNames = new HashMap<String, String>();
    for (var entry : services.entries().entrySet()) {
      if (entry.getValue() instanceof MapNode service) {
        checkService(entry.getKey(), service, services, containerNames);
      }
    }
    DependencyCycles.report(services, diagnostics);
  }

  private void checkService(
      String name, MapNode service, MapNode services, Map<String, String> containerNames) {
    YamlPath path = YamlPath.of("services", name);
    if (!service.has("image") && !service.has("build") && !service.has("provider")) {
      diagnostics.error(
          service.position(),
          path,
          "service \"" + name + "\" has neither an image nor a build context specified",
          "add an image: or a build: to it");
    }
    if (service.has("network_mode")
        && service.get("networks") instanceof MapNode networks
        && !networks.isEmpty()) {
      diagnostics.error(
          service.keyPosition("network_mode"),
          path.key("network_mode"),
          "network_mode and networks cannot be combined",
          "remove one of them");
    }
    References references = new References(document, disabledServices, diagnostics);
    references.checkNetworks(name, service);
    references.checkMounts(name, service);
    references.checkNamed(name, service, "secrets", "secret");
    references.checkNamed(name, service, "configs", "config");
    references.checkDependencies(name, service, services);
    references.checkNamespaceServices(name, service, services);
    checkReplicas(name, service, path, containerNames);
  }

  private void checkReplicas(
      String name, MapNode service, YamlPath path, Map<String, String> containerNames) {
    Optional<Long> scale = integer(service.get("scale"));
    Optional<Long> replicas =
        service.get("deploy") instanceof MapNode deploy
            ? integer(deploy.get("replicas"))
            : Optional.empty();
    if (scale.isPresent() && replicas.isPresent() && !scale.equals(replicas)) {
      diagnostics.error(
          service.keyPosition("scale"),
          path.key("scale"),
          "scale (" + scale.get() + ") and deploy.replicas (" + replicas.get() + ") disagree",
          "keep one of them");
    }
    long count = scale.isPresent() ? scale.get() : replicas.orElse(1L);
    Optional<String> containerName = service.text("container_name");
    if (containerName.isEmpty()) {
      return;
    }
    if (count > 1) {
      diagnostics.error(
          service.keyPosition("container_name"),
          path.key("container_name"),
          "service \""
              + name
              + "\" has a container_name and "
              + count
              + " replicas; a container name must be unique",
          "remove container_name or scale the service to 1");
    }
    String other = containerNames.putIfAbsent(containerName.get(), name);
    if (other != null) {
      diagnostics.error(
          service.get("container_name").position(),
          path.key("container_name"),
          "services \""
              + other
              + "\" and \""
              + name
              + "\" have the same container_name \""
              + containerName.get()
              + "\"",
          "give each service its own container_name");
    }
  }

  static Optional<Long> integer(Node node) {
    if (node instanceof ScalarNode scalar && scalar.value() instanceof Long value) {
      return Optional.of(value);
    }
    if (node instanceof ScalarNode scalar && scalar.isString()) {
      try {
        return Optional.of(Long.parseLong(scalar.text().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private MapNode section(String key) {
    return document.get(key) instanceof MapNode map ? map : MapNode.empty(document.position());
  }

  static String hint(String name, Set<String> known) {
    return DidYouMean.hint(name, known);
  }

  static Iterable<Node> items(Node node) {
    return node instanceof SeqNode seq ? seq.items() : java.util.List.of();
  }
}
