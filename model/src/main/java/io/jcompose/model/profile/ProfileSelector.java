package io.jcompose.model.profile;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies profiles to a canonical document: services whose profiles are all inactive are set aside
 * (still known by name), dependencies on them are dropped when optional and reported when required,
 * and resources no enabled service uses are dropped as docker compose does.
 */
public final class ProfileSelector {

  /**
   * Drops the top-level networks, volumes, configs and secrets no enabled service uses, as docker
   * compose does before printing or running (after the consistency checks, which must still see
   * them to suggest names).
   */
  public static MapNode withoutUnusedResources(MapNode document) {
    return UnusedResources.drop(document);
  }

  private ProfileSelector() {}

  /**
   * The document restricted to enabled services, and the names of the disabled ones.
   *
   * @param document the canonical document
   */
  public record Selection(MapNode document, Set<String> disabledServices) {
    public Selection {
      disabledServices = Set.copyOf(disabledServices);
    }
  }

  /**
   * @param namedServices services named on the command line: their profiles become active too, as
   *     in docker compose
   */
  public static Selection select(
      MapNode document,
      List<String> profiles,
      List<String> namedServices,
      Diagnostics diagnostics) {
    if (!(document.get("services") instanceof MapNode services)) {
      return new Selection(document, Set.of());
    }
    var activeProfiles = new ArrayList<>(profiles);
    for (String name : namedServices) {
      if (services.get(name) instanceof MapNode named
          && named.get("profiles") instanceof SeqNode own) {
        own.items().forEach(item -> activeProfiles.add(((ScalarNode) item).text()));
      }
    }
    var enabled = new LinkedHashMap<String, Node>();
    var disabled = new LinkedHashSet<String>();
    for (var entry : services.entries().entrySet()) {
      if (isEnabled(entry.getValue(), activeProfiles)) {
        enabled.put(entry.getKey(), entry.getValue());
      } else {
        disabled.add(entry.getKey());
      }
    }
    if (disabled.isEmpty()) {
      return new Selection(document, Set.of());
    }
    for (var entry : enabled.entrySet()) {
      if (entry.getValue() instanceof MapNode service) {
        entry.setValue(
            withoutDisabledDependencies(entry.getKey(), service, services, disabled, diagnostics));
      }
    }
    MapNode selected = document.with("services", services.withEntries(enabled));
    return new Selection(selected, disabled);
  }

  private static boolean isEnabled(Node service, List<String> activeProfiles) {
    if (!(service instanceof MapNode map) || !(map.get("profiles") instanceof SeqNode profiles)) {
      return true;
    }
    if (profiles.size() == 0 || activeProfiles.contains("*")) {
      return true;
    }
    for (Node profile : profiles.items()) {
      if (profile instanceof ScalarNode scalar && activeProfiles.contains(scalar.text())) {
        return true;
      }
    }
    return false;
  }

  private static MapNode withoutDisabledDependencies(
      String serviceName,
      MapNode service,
      MapNode allServices,
      Set<String> disabled,
      Diagnostics diagnostics) {
    if (!(service.get("depends_on") instanceof MapNode dependsOn)) {
      return service;
    }
    var kept = new LinkedHashMap<String, Node>();
    for (var dependency : dependsOn.entries().entrySet()) {
      String target = dependency.getKey();
      if (!disabled.contains(target)) {
        kept.put(target, dependency.getValue());
        continue;
      }
      boolean required =
          !(dependency.getValue() instanceof MapNode options)
              || !(options.get("required") instanceof ScalarNode flag)
              || !Boolean.FALSE.equals(flag.value());
      if (required) {
        diagnostics.error(
            dependsOn.keyPosition(target),
            YamlPath.of("services", serviceName, "depends_on", target),
            "service \""
                + target
                + "\" is required by \""
                + serviceName
                + "\" but is disabled by its profiles",
            "enable it with --profile " + firstProfile(allServices.get(target)));
        kept.put(target, dependency.getValue());
      }
    }
    return kept.isEmpty()
        ? service.without("depends_on")
        : service.with("depends_on", dependsOn.withEntries(kept));
  }

  private static String firstProfile(Node service) {
    if (service instanceof MapNode map
        && map.get("profiles") instanceof SeqNode profiles
        && profiles.size() > 0
        && profiles.get(0) instanceof ScalarNode first) {
      return first.text();
    }
    return "<profile>";
  }
}
