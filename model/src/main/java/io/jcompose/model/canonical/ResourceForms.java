package io.jcompose.model.canonical;

import io.jcompose.model.canonical.KeyValueForms.BareKey;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.YamlPath;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Top-level {@code networks}, {@code volumes}, {@code configs} and {@code secrets}: the deprecated
 * {@code external: {name}}, list-form labels, option values as strings, and the semantic checks.
 */
final class ResourceForms {

  static final List<String> KINDS = List.of("networks", "volumes", "configs", "secrets");

  private final Problems problems;

  ResourceForms(Problems problems) {
    this.problems = problems;
  }

  MapNode canonicalize(String kind, MapNode resources, YamlPath path) {
    var entries = new LinkedHashMap<String, Node>();
    for (var entry : resources.entries().entrySet()) {
      String name = entry.getKey();
      Node resource = entry.getValue();
      if (resource instanceof MapNode map) {
        entries.put(name, resource(kind, map, path.key(name)));
      } else {
        entries.put(name, resource);
      }
    }
    return resources.withEntries(entries);
  }

  private MapNode resource(String kind, MapNode resource, YamlPath path) {
    MapNode result = externalName(resource, path);
    result = withPlainMap(withPlainMap(result, "labels"), "driver_opts");
    boolean external = Trees.isTrue(result.get("external"));
    if (kind.equals("volumes") && external) {
      for (String key : result.entries().keySet()) {
        if (!key.equals("external") && !key.equals("name") && !key.startsWith("x-")) {
          problems.error(
              result.keyPosition(key),
              path.key(key),
              "conflicting parameters \"external\" and \"" + key + "\" specified for volume",
              "an external volume may only set name");
        }
      }
    }
    boolean unresolved =
        result.get("external") instanceof ScalarNode flag
            && flag.isString()
            && flag.text().contains("${");
    if ((kind.equals("configs") || kind.equals("secrets"))
        && !external
        && !unresolved
        && !result.has("driver")) {
      List<String> sources =
          kind.equals("configs")
              ? List.of("file", "environment", "content")
              : List.of("file", "environment");
      int given = 0;
      for (String source : sources) {
        if (result.has(source)) {
          given++;
        }
      }
      if (given != 1) {
        String singular = kind.substring(0, kind.length() - 1);
        problems.error(
            result.position(),
            path,
            singular
                + " must set exactly one of "
                + String.join(", ", sources)
                + " (found "
                + given
                + ")",
            "point it at a file, or take its value from an environment variable");
      }
    }
    return result;
  }

  /** {@code resource} with the key-value list or mapping under {@code key} as a mapping. */
  private static MapNode withPlainMap(MapNode resource, String key) {
    Node value = resource.get(key);
    return value == null ? resource : resource.with(key, KeyValueForms.toMap(value, BareKey.EMPTY));
  }

  /** {@code external: {name: X}} becomes {@code name: X, external: true}, with a warning. */
  private MapNode externalName(MapNode resource, YamlPath path) {
    if (!(resource.get("external") instanceof MapNode external)) {
      return resource;
    }
    Node externalName = external.get("name");
    Node position = resource.get("external");
    MapNode result = resource.with("external", ScalarNode.of(true, position.position()));
    if (externalName == null) {
      return result;
    }
    String explicit = Trees.text(resource.get("name"));
    if (explicit != null && !explicit.equals(Trees.text(externalName))) {
      problems.error(
          externalName.position(),
          path.key("external").key("name"),
          "conflicting names: name is \""
              + explicit
              + "\" but external.name is \""
              + Trees.text(externalName)
              + "\"",
          "remove external.name and keep name");
      return result;
    }
    problems.warning(
        externalName.position(),
        path.key("external").key("name"),
        "external.name is deprecated; use name with external: true");
    return result.with("name", externalName);
  }
}
