package io.jcompose.cli.render;

import io.jcompose.model.hash.ConfigHash;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The partial views {@code config} prints instead of the whole model ({@code --services}, {@code
 * --images}, {@code --hash} ...), each computed from the canonical document.
 */
public final class ConfigViews {

  private ConfigViews() {}

  /** Service names, sorted. */
  public static List<String> services(MapNode document) {
    return new ArrayList<>(new TreeSet<>(section(document, "services").entries().keySet()));
  }

  /** The keys of a top-level section ({@code volumes}, {@code networks} ...), sorted. */
  public static List<String> keys(MapNode document, String sectionName) {
    return new ArrayList<>(new TreeSet<>(section(document, sectionName).entries().keySet()));
  }

  /** Every profile some service names, sorted. */
  public static List<String> profiles(MapNode document) {
    var profiles = new TreeSet<String>();
    for (Node service : section(document, "services").entries().values()) {
      if (service instanceof MapNode map && map.get("profiles") instanceof SeqNode list) {
        list.items().forEach(item -> profiles.add(((ScalarNode) item).text()));
      }
    }
    return new ArrayList<>(profiles);
  }

  /**
   * Each service's image, in service-name order; a service with only {@code build} gets the name
   * docker compose gives the built image, {@code <project>-<service>}.
   */
  public static List<String> images(MapNode document, String projectName) {
    var images = new ArrayList<String>();
    MapNode services = section(document, "services");
    for (String name : services(document)) {
      if (services.get(name) instanceof MapNode service) {
        images.add(service.text("image").orElse(projectName + "-" + name));
      }
    }
    return images;
  }

  /**
   * {@code service hash} lines for {@code selector}: {@code *} for all services, else a
   * comma-separated list of names.
   *
   * @throws IllegalArgumentException naming the first service that does not exist
   */
  public static List<String> hashes(MapNode document, String selector) {
    MapNode services = section(document, "services");
    List<String> names =
        selector.trim().equals("*") ? services(document) : List.of(selector.split(","));
    var lines = new ArrayList<String>();
    for (String raw : names) {
      String name = raw.trim();
      if (!(services.get(name) instanceof MapNode service)) {
        throw new IllegalArgumentException(name);
      }
      lines.add(name + " " + ConfigHash.of(service));
    }
    return lines;
  }

  /**
   * The document with only {@code selected} services and the services they depend on.
   *
   * @throws IllegalArgumentException naming the first selected service that does not exist
   */
  public static MapNode restrict(MapNode document, List<String> selected) {
    if (selected.isEmpty()) {
      return document;
    }
    MapNode services = section(document, "services");
    Set<String> keep = new LinkedHashSet<>();
    var pending = new ArrayDeque<String>();
    for (String name : selected) {
      if (!services.has(name)) {
        throw new IllegalArgumentException(name);
      }
      pending.add(name);
    }
    while (!pending.isEmpty()) {
      String name = pending.poll();
      if (keep.add(name) && services.get(name) instanceof MapNode service) {
        dependencies(service).stream().filter(services::has).forEach(pending::add);
      }
    }
    var kept = new LinkedHashMap<String, Node>();
    services
        .entries()
        .forEach(
            (name, service) -> {
              if (keep.contains(name)) {
                kept.put(name, service);
              }
            });
    return document.with("services", services.withEntries(kept));
  }

  private static List<String> dependencies(MapNode service) {
    Node dependsOn = service.get("depends_on");
    if (dependsOn instanceof MapNode map) {
      return List.copyOf(map.entries().keySet());
    }
    var names = new ArrayList<String>();
    if (dependsOn instanceof SeqNode list) {
      list.items().forEach(item -> names.add(((ScalarNode) item).text()));
    }
    return names;
  }

  private static MapNode section(MapNode document, String name) {
    return document.get(name) instanceof MapNode map ? map : MapNode.empty(document.position());
  }
}
