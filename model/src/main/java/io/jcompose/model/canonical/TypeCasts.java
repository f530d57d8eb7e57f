package io.jcompose.model.canonical;

import io.jcompose.model.project.ByteSize;
import io.jcompose.model.project.Durations;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Casts the typed fields that interpolation left as strings (booleans, integers, floats), and
 * checks durations and byte sizes, at the paths compose-go casts. {@code *} matches any key or
 * index.
 */
final class TypeCasts {

  enum Kind {
    BOOLEAN("a boolean (true or false)"),
    INTEGER("an integer"),
    FLOAT("a number"),
    TEXT("a string"),
    DURATION("a duration like 10s or 1m30s"),
    BYTES("a byte size like 512m or 2g");

    final String expected;

    Kind(String expected) {
      this.expected = expected;
    }
  }

  private static final Map<String, Kind> PATHS = new LinkedHashMap<>();

  static {
    for (String key :
        List.of(
            "privileged",
            "read_only",
            "tty",
            "init",
            "stdin_open",
            "attach",
            "oom_kill_disable",
            "use_api_socket",
            "healthcheck.disable",
            "depends_on.*.required",
            "depends_on.*.restart",
            "volumes.*.read_only",
            "volumes.*.bind.create_host_path",
            "volumes.*.volume.nocopy",
            "build.no_cache",
            "build.pull",
            "build.privileged",
            "env_file.*.required",
            "develop.watch.*.initial_sync")) {
      PATHS.put("services.*." + key, Kind.BOOLEAN);
    }
    for (String key :
        List.of(
            "scale",
            "pids_limit",
            "cpu_shares",
            "cpu_quota",
            "cpu_period",
            "cpu_count",
            "cpu_rt_period",
            "cpu_rt_runtime",
            "oom_score_adj",
            "mem_swappiness",
            "deploy.replicas",
            "deploy.restart_policy.max_attempts",
            "deploy.resources.limits.pids",
            "deploy.update_config.parallelism",
            "deploy.rollback_config.parallelism",
            "deploy.placement.max_replicas_per_node",
            "healthcheck.retries",
            "ports.*.target",
            "ulimits.*",
            "ulimits.*.soft",
            "ulimits.*.hard",
            "build.ulimits.*",
            "build.ulimits.*.soft",
            "build.ulimits.*.hard",
            "networks.*.priority",
            "networks.*.gw_priority",
            "blkio_config.weight")) {
      PATHS.put("services.*." + key, Kind.INTEGER);
    }
    for (String key :
        List.of(
            "cpus",
            "cpu_percent",
            "deploy.resources.limits.cpus",
            "deploy.resources.reservations.cpus",
            "deploy.update_config.max_failure_ratio",
            "deploy.rollback_config.max_failure_ratio")) {
      PATHS.put("services.*." + key, Kind.FLOAT);
    }
    PATHS.put("services.*.ports.*.published", Kind.TEXT);
    PATHS.put("services.*.expose.*", Kind.TEXT);
    for (String key :
        List.of(
            "healthcheck.interval",
            "healthcheck.timeout",
            "healthcheck.start_period",
            "healthcheck.start_interval",
            "stop_grace_period",
            "deploy.restart_policy.delay",
            "deploy.restart_policy.window",
            "deploy.update_config.delay",
            "deploy.update_config.monitor",
            "deploy.rollback_config.delay",
            "deploy.rollback_config.monitor")) {
      PATHS.put("services.*." + key, Kind.DURATION);
    }
    for (String key :
        List.of(
            "mem_limit",
            "mem_reservation",
            "memswap_limit",
            "shm_size",
            "build.shm_size",
            "deploy.resources.limits.memory",
            "deploy.resources.reservations.memory",
            "volumes.*.tmpfs.size")) {
      PATHS.put("services.*." + key, Kind.BYTES);
    }
    for (String kind : List.of("networks", "volumes", "configs", "secrets")) {
      PATHS.put(kind + ".*.external", Kind.BOOLEAN);
    }
    for (String key : List.of("internal", "attachable", "enable_ipv4", "enable_ipv6")) {
      PATHS.put("networks.*." + key, Kind.BOOLEAN);
    }
  }

  private static final Trie PATTERNS = Trie.of(PATHS);

  private final Problems problems;

  private TypeCasts(Problems problems) {
    this.problems = problems;
  }

  static MapNode apply(MapNode document, Problems problems) {
    return (MapNode) new TypeCasts(problems).walk(document, YamlPath.ROOT, List.of(PATTERNS));
  }

  /**
   * Walks only where some pattern can still match, following every matching trie node at once (a
   * literal key and {@code *} may both match); untouched subtrees are returned as they are.
   */
  private Node walk(Node node, YamlPath path, List<Trie> states) {
    if (node instanceof MapNode map) {
      LinkedHashMap<String, Node> entries = null;
      for (var entry : map.entries().entrySet()) {
        List<Trie> next = step(states, entry.getKey());
        if (next.isEmpty()) {
          continue;
        }
        Node value = walk(entry.getValue(), path.key(entry.getKey()), next);
        if (value != entry.getValue()) {
          if (entries == null) {
            entries = new LinkedHashMap<>(map.entries());
          }
          entries.put(entry.getKey(), value);
        }
      }
      return entries == null ? map : map.withEntries(entries);
    }
    if (node instanceof SeqNode seq) {
      List<Trie> next = step(states, "*");
      if (next.isEmpty()) {
        return seq;
      }
      List<Node> items = null;
      for (int i = 0; i < seq.size(); i++) {
        Node item = walk(seq.get(i), path.index(i), next);
        if (item != seq.get(i)) {
          if (items == null) {
            items = new ArrayList<>(seq.items());
          }
          items.set(i, item);
        }
      }
      return items == null ? seq : seq.withItems(items);
    }
    for (Trie state : states) {
      if (state.kind != null) {
        return cast((ScalarNode) node, state.kind, path, problems);
      }
    }
    return node;
  }

  private static List<Trie> step(List<Trie> states, String key) {
    List<Trie> next = List.of();
    for (Trie state : states) {
      Trie exact = state.children.get(key);
      Trie any = key.equals("*") ? null : state.children.get("*");
      if (exact != null || any != null) {
        var found = new ArrayList<>(next);
        if (exact != null) {
          found.add(exact);
        }
        if (any != null) {
          found.add(any);
        }
        next = found;
      }
    }
    return next;
  }

  /** The typed paths as a trie of path segments ({@code *} matches any key or index). */
  private static final class Trie {
    final Map<String, Trie> children = new HashMap<>();
    Kind kind;

    static Trie of(Map<String, Kind> paths) {
      var root = new Trie();
      for (var path : paths.entrySet()) {
        Trie node = root;
        for (String segment : path.getKey().split("\\.")) {
          node = node.child(segment);
        }
        node.kind = path.getValue();
      }
      return root;
    }

    private Trie child(String segment) {
      Trie child = children.get(segment);
      if (child == null) {
        child = new Trie();
        children.put(segment, child);
      }
      return child;
    }
  }

  /** Casts one scalar to {@code kind}, reporting at the node when it does not cast. */
  static ScalarNode cast(ScalarNode node, Kind kind, YamlPath path, Problems problems) {
    if (node.isNull()) {
      return node;
    }
    String text = node.text().trim();
    try {
      return switch (kind) {
        case BOOLEAN ->
            node.isBoolean() ? node : node.withValue(parseBoolean(node, path, problems));
        case INTEGER -> node.isInteger() ? node : node.withValue(parseInteger(text));
        case FLOAT -> node.withValue(Double.parseDouble(text));
        case TEXT -> node.isString() ? node : node.withValue(node.text());
        case DURATION -> {
          // printed (and hashed) the way docker compose writes Go durations: 90s is 1m30s
          String normal = Durations.format(Durations.parse(text));
          yield normal.equals(node.value()) ? node : node.withValue(normal);
        }
        case BYTES -> node.withValue(Long.toString(ByteSize.parse(text).bytes()));
      };
    } catch (IllegalArgumentException e) {
      String field = path.lastKey().isEmpty() ? path.toString() : path.lastKey();
      String message =
          kind == Kind.DURATION
              ? "invalid duration \"" + node.text() + "\""
              : "invalid value \""
                  + node.text()
                  + "\" for "
                  + field
                  + ": expected "
                  + kind.expected;
      problems.unparsable(node.position(), path, message, hintFor(kind));
      return node;
    }
  }

  private static String hintFor(Kind kind) {
    return switch (kind) {
      case DURATION ->
          "write a Go duration: a number with a unit (ns, us, ms, s, m, h), e.g. 1m30s";
      case BYTES -> "write a number of bytes or a number with a unit b, k, m or g, e.g. 512m";
      case BOOLEAN -> "write true or false";
      default -> "";
    };
  }

  private static Object parseInteger(String text) {
    var value = new BigInteger(text);
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private static Boolean parseBoolean(ScalarNode node, YamlPath path, Problems problems) {
    String text = node.text().trim().toLowerCase(Locale.ROOT);
    switch (text) {
      case "true":
        return true;
      case "false":
        return false;
      case "y", "yes", "on", "n", "no", "off":
        boolean value = text.startsWith("y") || text.equals("on");
        problems.warning(
            node.position(),
            path,
            "\"" + node.text() + "\" is read as " + value + "; write true or false instead");
        return value;
      default:
        throw new IllegalArgumentException(text);
    }
  }
}
