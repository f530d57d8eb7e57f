package io.jcompose.model.canonical;

import static io.jcompose.model.canonical.Trees.scalar;
import static io.jcompose.model.canonical.Trees.text;

import io.jcompose.model.project.MountSpec;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.function.Function;

/** {@code volumes}, {@code devices}, {@code secrets} and {@code configs} of a service. */
final class MountForms {

  private static final Set<String> DEVICE_PERMISSION_CHARS = Set.of("r", "w", "m");

  private MountForms() {}

  static Node volumes(Node volumes, YamlPath path, Problems problems) {
    return eachItem(
        volumes,
        path,
        (item, itemPath) -> {
          if (item instanceof ScalarNode scalar && !scalar.isNull()) {
            try {
              return toNode(MountSpec.parse(scalar.text()), scalar.position());
            } catch (IllegalArgumentException e) {
              boolean keep =
                  problems.unparsable(
                      scalar.position(),
                      itemPath,
                      e.getMessage(),
                      "write SOURCE:TARGET[:OPTIONS] or TARGET, e.g. ./data:/data:ro");
              return keep ? item : null;
            }
          }
          return item instanceof MapNode map ? longVolume(map) : item;
        });
  }

  private static MapNode longVolume(MapNode volume) {
    MapNode result = volume;
    String target = text(volume.get("target"));
    if (target != null) {
      result =
          result.with(
              "target", scalar(MountSpec.cleanTarget(target), volume.get("target").position()));
    }
    if ("bind".equals(text(volume.get("type")))) {
      MapNode bind =
          volume.get("bind") instanceof MapNode existing ? existing : Trees.map(volume.position());
      result = result.with("bind", Trees.withDefault(bind, "create_host_path", true));
    }
    return result;
  }

  static MapNode toNode(MountSpec mount, Position position) {
    var entries = new LinkedHashMap<String, Node>();
    entries.put("type", scalar(mount.type().word(), position));
    mount.source().ifPresent(source -> entries.put("source", scalar(source, position)));
    entries.put("target", scalar(mount.target(), position));
    if (mount.readOnly()) {
      entries.put("read_only", scalar(true, position));
    }
    mount
        .bind()
        .ifPresent(
            bind -> {
              var options = new LinkedHashMap<String, Node>();
              bind.propagation().ifPresent(p -> options.put("propagation", scalar(p, position)));
              options.put("create_host_path", scalar(bind.createHostPath(), position));
              bind.selinux().ifPresent(s -> options.put("selinux", scalar(s, position)));
              entries.put("bind", Trees.map(options, position));
            });
    mount
        .volume()
        .ifPresent(
            volume -> {
              var options = new LinkedHashMap<String, Node>();
              if (volume.nocopy()) {
                options.put("nocopy", scalar(true, position));
              }
              entries.put("volume", Trees.map(options, position));
            });
    return Trees.map(entries, position);
  }

  /**
   * {@code HOST[:CONTAINER[:PERMISSIONS]]} to {@code {source, target, permissions}}; as in
   * compose-go, a second part is always the container path.
   */
  static Node devices(Node devices, YamlPath path, Problems problems) {
    return eachItem(
        devices,
        path,
        (item, itemPath) -> {
          if (!(item instanceof ScalarNode scalar) || scalar.isNull()) {
            return item instanceof MapNode map
                ? Trees.withDefault(map, "permissions", "rwm")
                : item;
          }
          String[] parts = scalar.text().split(":", -1);
          String source = parts[0];
          String target = parts[0];
          String permissions = "rwm";
          if (parts.length == 2) {
            target = parts[1];
          } else if (parts.length == 3) {
            target = parts[1];
            permissions = parts[2];
          }
          if (parts.length > 3
              || source.isEmpty()
              || target.isEmpty()
              || !isDevicePermissions(permissions)) {
            boolean keep =
                problems.unparsable(
                    scalar.position(),
                    itemPath,
                    "invalid device \"" + scalar.text() + "\"",
                    "write HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]] with permissions made of r, w,"
                        + " m");
            return keep ? item : null;
          }
          Position position = scalar.position();
          var entries = new LinkedHashMap<String, Node>();
          entries.put("source", scalar(source, position));
          entries.put("target", scalar(target, position));
          entries.put("permissions", scalar(permissions, position));
          return Trees.map(entries, position);
        });
  }

  private static boolean isDevicePermissions(String text) {
    return !text.isEmpty()
        && text.length() <= 3
        && text.chars().allMatch(c -> DEVICE_PERMISSION_CHARS.contains(String.valueOf((char) c)));
  }

  /** {@code secrets}: a name becomes {@code {source, target: /run/secrets/<name>}}. */
  static Node secrets(Node secrets, YamlPath path) {
    return fileMounts(secrets, path, source -> source == null ? null : "/run/secrets/" + source);
  }

  /** {@code configs}: a name becomes {@code {source}}; the target is kept only when given. */
  static Node configs(Node configs, YamlPath path) {
    return fileMounts(configs, path, source -> null);
  }

  private static Node fileMounts(Node mounts, YamlPath path, Function<String, String> target) {
    return eachItem(
        mounts,
        path,
        (item, itemPath) -> {
          MapNode mount =
              item instanceof ScalarNode scalar && !scalar.isNull()
                  ? Trees.map(item.position()).with("source", scalar)
                  : item instanceof MapNode map ? map : null;
          if (mount == null) {
            return item;
          }
          String defaultTarget = target.apply(text(mount.get("source")));
          return defaultTarget == null ? mount : Trees.withDefault(mount, "target", defaultTarget);
        });
  }

  interface ItemRewrite {
    /** The rewritten item, or null to drop it (after reporting why). */
    Node apply(Node item, YamlPath itemPath);
  }

  static Node eachItem(Node list, YamlPath path, ItemRewrite rewrite) {
    if (!(list instanceof SeqNode seq)) {
      return list;
    }
    var items = new ArrayList<Node>();
    for (int i = 0; i < seq.size(); i++) {
      Node rewritten = rewrite.apply(seq.get(i), path.index(i));
      if (rewritten != null) {
        items.add(rewritten);
      }
    }
    return seq.withItems(items);
  }
}
