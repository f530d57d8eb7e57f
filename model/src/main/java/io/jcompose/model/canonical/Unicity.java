package io.jcompose.model.canonical;

import static io.jcompose.model.canonical.Trees.text;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.SeqNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * List attributes that are really keyed sets, de-duplicated once more after the long forms are
 * known (an expanded port range can repeat a port): a later entry replaces an earlier one with the
 * same identity, in the earlier one's place.
 */
final class Unicity {

  /** The list attributes that are keyed sets; each item's identity is {@link #identity}. */
  private static final List<String> KEYED_LISTS =
      List.of(
          "ports",
          "volumes",
          "devices",
          "secrets",
          "configs",
          "env_file",
          "expose",
          "dns",
          "dns_opt",
          "dns_search",
          "tmpfs",
          "cap_add",
          "cap_drop",
          "profiles",
          "links");

  private Unicity() {}

  static MapNode apply(MapNode service) {
    MapNode result = service;
    for (String attribute : KEYED_LISTS) {
      if (service.get(attribute) instanceof SeqNode list) {
        result = result.with(attribute, unique(list, attribute));
      }
    }
    return result;
  }

  /** What makes two items of {@code attribute} the same entry (null: never the same). */
  private static String identity(String attribute, Node item) {
    return switch (attribute) {
      case "ports" -> portIdentity(item);
      case "volumes", "devices" -> field(item, "target");
      case "secrets" -> mountIdentity(item, "/run/secrets/");
      case "configs" -> mountIdentity(item, "/");
      case "env_file" -> field(item, "path");
      default -> keyBeforeEquals(item);
    };
  }

  private static SeqNode unique(SeqNode list, String attribute) {
    var items = new ArrayList<Node>();
    var indexes = new HashMap<String, Integer>();
    for (Node item : list.items()) {
      String key = identity(attribute, item);
      Integer earlier = key == null ? null : indexes.get(key);
      if (earlier != null) {
        items.set(earlier, item);
      } else {
        if (key != null) {
          indexes.put(key, items.size());
        }
        items.add(item);
      }
    }
    return items.size() == list.size() ? list : list.withItems(items);
  }

  private static String portIdentity(Node item) {
    if (!(item instanceof MapNode port)) {
      return text(item);
    }
    String hostIp = port.text("host_ip").orElse("0.0.0.0");
    return hostIp
        + ":"
        + port.text("published").orElse("")
        + ":"
        + port.text("target").orElse("")
        + "/"
        + port.text("protocol").orElse("tcp");
  }

  private static String mountIdentity(Node item, String defaultDirectory) {
    if (!(item instanceof MapNode mount)) {
      return text(item) == null ? null : defaultDirectory + text(item);
    }
    return mount.text("target").orElse(defaultDirectory + mount.text("source").orElse(""));
  }

  private static String field(Node item, String key) {
    return item instanceof MapNode map ? map.text(key).orElse(null) : text(item);
  }

  private static String keyBeforeEquals(Node item) {
    String text = text(item);
    return text == null ? null : text.split("=", 2)[0];
  }
}
