package io.jcompose.model.merge;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import java.util.Optional;

/**
 * What makes an item of a keyed list unique (compose-go's "unicity" indexers). Items of an
 * unexpected shape get a key of their own, so they are never merged away; schema validation reports
 * them later.
 */
enum ItemKey {

  /** The item itself: {@code cap_add}, {@code profiles}, {@code dns}, {@code build.tags} ... */
  VALUE,
  /** The part before the first {@code =}: {@code environment}, {@code labels} ... */
  KEY_BEFORE_EQUALS,
  /** {@code env_file}: the path, written alone or as {@code path:}. */
  ENV_FILE_PATH,
  /** The container path: {@code SOURCE:TARGET[:OPTS]}, {@code TARGET} or {@code target:}. */
  VOLUME_TARGET,
  /** The container path of {@code HOST[:CONTAINER[:PERMISSIONS]]} or {@code target:}. */
  DEVICE_TARGET,
  /** Where a secret is mounted; a relative target is under {@code /run/secrets}. */
  SECRET_TARGET,
  /** Where a config is mounted: its target, by default {@code /<source>}. */
  CONFIG_TARGET,
  /** Short syntax verbatim; long syntax as {@code host_ip:published:target/protocol}. */
  PORT;

  String of(Node item) {
    return switch (this) {
      case VALUE -> scalarText(item);
      case KEY_BEFORE_EQUALS -> keyBeforeEquals(item);
      case ENV_FILE_PATH -> item instanceof MapNode map ? field(map, "path") : scalarText(item);
      case VOLUME_TARGET ->
          item instanceof ScalarNode scalar && scalar.isString()
              ? VolumeTarget.of(scalar.text())
              : targetField(item);
      case DEVICE_TARGET -> deviceTarget(item);
      case SECRET_TARGET -> mountTarget(item, "/run/secrets/", true);
      case CONFIG_TARGET -> mountTarget(item, "/", false);
      case PORT -> port(item);
    };
  }

  private static String keyBeforeEquals(Node item) {
    String text = scalarText(item);
    int equals = text.indexOf('=');
    return equals < 0 ? text : text.substring(0, equals);
  }

  private static String deviceTarget(Node item) {
    if (!(item instanceof ScalarNode scalar && scalar.isString())) {
      return targetField(item);
    }
    String[] parts = scalar.text().split(":", -1);
    return parts.length == 1 ? parts[0] : parts[1];
  }

  private static String port(Node item) {
    if (!(item instanceof MapNode map)) {
      return scalarText(item);
    }
    return map.text("host_ip").orElse("0.0.0.0")
        + ":"
        + map.text("published").orElse("")
        + ":"
        + field(map, "target")
        + "/"
        + map.text("protocol").orElse("tcp");
  }

  private static String mountTarget(Node item, String defaultDirectory, boolean relativeToDefault) {
    if (item instanceof MapNode map) {
      var target = map.text("target");
      if (target.isPresent()) {
        String path = target.get();
        return relativeToDefault && !path.startsWith("/") ? defaultDirectory + path : path;
      }
      return defaultDirectory + field(map, "source");
    }
    return defaultDirectory + scalarText(item);
  }

  private static String targetField(Node item) {
    return item instanceof MapNode map ? field(map, "target") : unkeyed(item);
  }

  private static String field(MapNode map, String name) {
    Optional<String> value = map.text(name);
    return value.isPresent() ? value.get() : unkeyed(map);
  }

  private static String scalarText(Node item) {
    return item instanceof ScalarNode scalar && !scalar.isNull() ? scalar.text() : unkeyed(item);
  }

  /** A key no well-formed item can have, so a malformed item stays as written. */
  private static String unkeyed(Node item) {
    return "\0" + item.position() + "\0" + item.toPlain();
  }
}
