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

/** {@code volumes}, {@code devices}, {@code secrets} and {@code configs} of a service. */
final class MountForms {

  private static final Set<String> DEVICE_PERMISSION_CHARS = Set.of("r", "w", "m");

  private MountForms() {}

  static Node volumes(Node volumes, YamlPath path, Problems problems) {
    if (!(volumes instanceof SeqNode seq)) {
      return volumes;
    }
    var items = new ArrayList<Node>();
    for (int i = 0; i < seq.size(); i++) {
      Node volume = volume(seq.get(i), path.index(i), problems);
      if (volume != null) {
        items.add(volume);
      }
    }
    return seq.withItems(items);
  }

  /** The long form of one volume, or null to drop it (after reporting why). */
  private static Node volume(Node item, YamlPath itemPath, Problems problems) {
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
    if (mount.source().isPresent()) {
      entries.put("source", scalar(mount.source().get(), position));
    }
    entries.put("target", scalar(mount.target(), position));
    if (mount.readOnly()) {
      entries.put("read_only", scalar(true, position));
    }
    if (mount.bind().isPresent()) {
      entries.put("bind", bindOptions(mount.bind().get(), position));
    }
    if (mount.volume().isPresent()) {
      entries.put("volume", volumeOptions(mount.volume().get(), position));
    }
    return Trees.map(entries, position);
  }

  private static MapNode bindOptions(MountSpec.BindOptions bind, Position position) {
    var options = new LinkedHashMap<String, Node>();
    if (bind.propagation().isPresent()) {
      options.put("propagation", scalar(bind.propagation().get(), position));
    }
    options.put("create_host_path", scalar(bind.createHostPath(), position));
    if (bind.selinux().isPresent()) {
      options.put("selinux", scalar(bind.selinux().get(), position));
    }
    return Trees.map(options, position);
  }

  private static MapNode volumeOptions(MountSpec.VolumeOptions volume, Position position) {
    var options = new LinkedHashMap<String, Node>();
    if (volume.nocopy()) {
      options.put("nocopy", scalar(true, position));
    }
    return Trees.map(options, position);
  }

  /**
   * {@code HOST[:CONTAINER[:PERMISSIONS]]} to {@code {source, target, permissions}}; as in
   * compose-go, a second part is always the container path.
   */
  static Node devices(Node devices, YamlPath path, Problems problems) {
    if (!(devices instanceof SeqNode seq)) {
      return devices;
    }
    var items = new ArrayList<Node>();
    for (int i = 0; i < seq.size(); i++) {
      Node device = device(seq.get(i), path.index(i), problems);
      if (device != null) {
        items.add(device);
      }
    }
    return seq.withItems(items);
  }

  /** The long form of one device, or null to drop it (after reporting why). */
  private static Node device(Node item, YamlPath itemPath, Problems problems) {
    if (!(item instanceof ScalarNode scalar) || scalar.isNull()) {
      return item instanceof MapNode map ? Trees.withDefault(map, "permissions", "rwm") : item;
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
  }

  private static boolean isDevicePermissions(String text) {
    if (text.isEmpty() || text.length() > 3) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!DEVICE_PERMISSION_CHARS.contains(String.valueOf(text.charAt(i)))) {
        return false;
      }
    }
    return true;
  }

  /** {@code secrets}: a name becomes {@code {source, target: /run/secrets/<name>}}. */
  static Node secrets(Node secrets) {
    return fileMounts(secrets, "/run/secrets/");
  }

  /** {@code configs}: a name becomes {@code {source}}; the target is kept only when given. */
  static Node configs(Node configs) {
    return fileMounts(configs, null);
  }

  /**
   * Names become {@code {source}}; with a {@code targetDirectory}, the target defaults to the
   * source under it.
   */
  private static Node fileMounts(Node mounts, String targetDirectory) {
    if (!(mounts instanceof SeqNode seq)) {
      return mounts;
    }
    var items = new ArrayList<Node>();
    for (Node item : seq.items()) {
      items.add(fileMount(item, targetDirectory));
    }
    return seq.withItems(items);
  }

  private static Node fileMount(Node item, String targetDirectory) {
    MapNode mount =
        item instanceof ScalarNode scalar && !scalar.isNull()
            ? Trees.map(item.position()).with("source", scalar)
            : item instanceof MapNode map ? map : null;
    if (mount == null) {
      return item;
    }
    String source = text(mount.get("source"));
    if (targetDirectory == null || source == null) {
      return mount;
    }
    return Trees.withDefault(mount, "target", targetDirectory + source);
  }
}
