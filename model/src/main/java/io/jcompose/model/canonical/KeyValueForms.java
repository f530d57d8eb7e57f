package io.jcompose.model.canonical;

import static io.jcompose.model.canonical.Trees.scalar;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Attributes written as a {@code KEY=VALUE} list or a mapping ({@code environment}, {@code labels},
 * {@code build.args}, {@code extra_hosts}...), rewritten as mappings of strings.
 */
final class KeyValueForms {

  /** What a key without a value becomes. */
  enum BareKey {
    /** {@code environment}: looked up in the project environment, else null (unset). */
    LOOKUP,
    /** {@code build.args} when normalising: looked up, else dropped. */
    LOOKUP_OR_DROP,
    /** {@code build.args} without normalisation: kept as null. */
    NULL,
    /** labels and the like: the empty string. */
    EMPTY
  }

  private KeyValueForms() {}

  /** For bare keys that are never looked up: {@link BareKey#NULL} and {@link BareKey#EMPTY}. */
  static Node toMap(Node node, BareKey bareKey) {
    if (bareKey == BareKey.LOOKUP || bareKey == BareKey.LOOKUP_OR_DROP) {
      throw new IllegalArgumentException(bareKey + " needs an environment");
    }
    return toMap(node, bareKey, null);
  }

  static Node toMap(Node node, BareKey bareKey, Function<String, Optional<String>> environment) {
    var entries = new LinkedHashMap<String, Node>();
    if (node instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        String text = Trees.text(item);
        if (text == null) {
          continue;
        }
        int equals = text.indexOf('=');
        String key = equals < 0 ? text : text.substring(0, equals);
        if (equals >= 0) {
          entries.put(key, scalar(text.substring(equals + 1), item.position()));
        } else {
          putBare(entries, key, (ScalarNode) item, bareKey, environment);
        }
      }
      return Trees.map(entries, node.position()).withTag(node.tag());
    }
    if (node instanceof MapNode map) {
      for (var entry : map.entries().entrySet()) {
        String key = entry.getKey();
        Node value = entry.getValue();
        if (Trees.isNull(value)) {
          putBare(entries, key, (ScalarNode) value, bareKey, environment);
        } else if (value instanceof ScalarNode scalar) {
          entries.put(key, scalar.isString() ? scalar : scalar.withValue(scalar.text()));
        } else {
          entries.put(key, value);
        }
      }
      return map.withEntries(entries);
    }
    return node;
  }

  private static void putBare(
      LinkedHashMap<String, Node> entries,
      String key,
      ScalarNode at,
      BareKey bareKey,
      Function<String, Optional<String>> environment) {
    switch (bareKey) {
      case LOOKUP -> entries.put(key, scalar(environment.apply(key).orElse(null), at.position()));
      case LOOKUP_OR_DROP -> {
        Optional<String> value = environment.apply(key);
        if (value.isPresent()) {
          entries.put(key, scalar(value.get(), at.position()));
        }
      }
      case NULL -> entries.put(key, ScalarNode.nullAt(at.position()));
      case EMPTY -> entries.put(key, scalar("", at.position()));
    }
  }

  /**
   * {@code extra_hosts}: {@code host=ip} or {@code host:ip} entries become {@code host: ip}, or
   * {@code host: [ip, ip]} when a host is listed more than once.
   */
  static Node extraHosts(Node node) {
    if (!(node instanceof SeqNode seq)) {
      return node;
    }
    var addresses = new LinkedHashMap<String, List<ScalarNode>>();
    for (Node item : seq.items()) {
      String text = Trees.text(item);
      if (text == null) {
        continue;
      }
      int separator = text.indexOf('=');
      if (separator < 0) {
        separator = text.indexOf(':');
      }
      String host = separator < 0 ? text : text.substring(0, separator).trim();
      String address = separator < 0 ? "" : text.substring(separator + 1).trim();
      if (address.startsWith("[") && address.endsWith("]")) {
        address = address.substring(1, address.length() - 1);
      }
      List<ScalarNode> hostAddresses = addresses.get(host);
      if (hostAddresses == null) {
        hostAddresses = new ArrayList<>();
        addresses.put(host, hostAddresses);
      }
      hostAddresses.add(scalar(address, item.position()));
    }
    var entries = new LinkedHashMap<String, Node>();
    for (var host : addresses.entrySet()) {
      List<ScalarNode> ips = host.getValue();
      entries.put(
          host.getKey(), ips.size() == 1 ? ips.get(0) : Trees.seq(ips, ips.get(0).position()));
    }
    return Trees.map(entries, node.position());
  }

  /**
   * {@code build.ssh}: {@code id=path} entries become {@code id: path}, a bare {@code default}
   * becomes {@code default: null} (the agent socket).
   */
  static Node ssh(Node node) {
    return toMap(node, BareKey.NULL);
  }
}
