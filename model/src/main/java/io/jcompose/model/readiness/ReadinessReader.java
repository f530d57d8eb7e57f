package io.jcompose.model.readiness;

import io.jcompose.model.project.Durations;
import io.jcompose.model.project.ReadinessCheck;
import io.jcompose.model.project.ReadinessOverride;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one {@code x-jcompose} mapping, reporting each problem at its node. A value with a problem
 * reads as absent, so the caller binds what is valid and the load fails on the reported errors.
 */
final class ReadinessReader {

  static final String KEY = "x-jcompose";
  private static final List<String> PROBES = List.of("tcp", "http", "log", "command");
  private static final Set<String> SERVICE_KEYS = Set.of("ready");
  private static final Set<String> DEPENDENCY_KEYS = Set.of("ready", "timeout");
  private static final Set<String> READY_KEYS =
      Set.of("tcp", "http", "log", "command", "interval", "timeout");
  private static final Set<String> HTTP_KEYS = Set.of("port", "path", "status");
  private static final String DURATION_HINT =
      "write a Go duration: a number with a unit (ns, us, ms, s, m, h), e.g. 500ms or 1m30s";

  private final Diagnostics diagnostics;

  ReadinessReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** A service's {@code x-jcompose.ready}: exactly one probe. */
  Optional<ReadinessCheck> service(Node extension, YamlPath path) {
    Optional<MapNode> map = mapping(extension, path, SERVICE_KEYS);
    if (map.isEmpty() || !map.get().has("ready")) {
      return Optional.empty();
    }
    YamlPath readyPath = path.key("ready");
    Optional<Ready> ready = ready(map.get().get("ready"), readyPath);
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    if (ready.get().probe().isEmpty()) {
      if (ready.get().complete()) {
        diagnostics.error(
            map.get().get("ready").position(),
            readyPath,
            "x-jcompose.ready has no check",
            "add one of tcp, http, log or command");
      }
      return Optional.empty();
    }
    return Optional.of(
        new ReadinessCheck(
            ready.get().probe().get(),
            ready.get().interval().orElse(ReadinessCheck.DEFAULT_INTERVAL),
            ready.get().timeout().orElse(ReadinessCheck.DEFAULT_TIMEOUT)));
  }

  /** A depends_on entry's {@code x-jcompose}: {@code ready} (probe optional) or {@code timeout}. */
  Optional<ReadinessOverride> dependency(Node extension, YamlPath path) {
    Optional<MapNode> map = mapping(extension, path, DEPENDENCY_KEYS);
    if (map.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> timeout = duration(map.get(), "timeout", path);
    Optional<Ready> ready = Optional.empty();
    if (map.get().has("ready")) {
      ready = ready(map.get().get("ready"), path.key("ready"));
      if (ready.isEmpty()) {
        return Optional.empty();
      }
      if (ready.get().timeout().isPresent() && map.get().has("timeout")) {
        diagnostics.error(
            map.get().keyPosition("timeout"),
            path.key("timeout"),
            "the timeout is given twice, here and in ready",
            "keep one of them");
      }
      timeout = ready.get().timeout().or(() -> duration(map.get(), "timeout", path));
    }
    if (ready.isPresent() && !ready.get().complete()) {
      return Optional.empty();
    }
    return Optional.of(
        new ReadinessOverride(
            ready.flatMap(Ready::probe), ready.flatMap(Ready::interval), timeout));
  }

  /** A {@code ready} mapping as written; {@code complete} is false when part of it was wrong. */
  private record Ready(
      Optional<ReadinessCheck.Probe> probe,
      Optional<Duration> interval,
      Optional<Duration> timeout,
      boolean complete) {}

  private Optional<Ready> ready(Node node, YamlPath path) {
    Optional<MapNode> map = mapping(node, path, READY_KEYS);
    if (map.isEmpty()) {
      return Optional.empty();
    }
    int errors = diagnostics.errorCount();
    var probes = new ArrayList<String>();
    for (String kind : PROBES) {
      if (map.get().has(kind)) {
        probes.add(kind);
      }
    }
    if (probes.size() > 1) {
      diagnostics.error(
          map.get().keyPosition(probes.get(1)),
          path.key(probes.get(1)),
          "x-jcompose.ready has more than one check: " + String.join(", ", probes),
          "keep exactly one of tcp, http, log or command");
    }
    Optional<ReadinessCheck.Probe> probe =
        probes.isEmpty() ? Optional.empty() : new ProbeReader(diagnostics).probe(map.get(), path);
    Optional<Duration> interval = duration(map.get(), "interval", path);
    Optional<Duration> timeout = duration(map.get(), "timeout", path);
    return Optional.of(new Ready(probe, interval, timeout, diagnostics.errorCount() == errors));
  }

  private Optional<MapNode> mapping(Node node, YamlPath path, Set<String> known) {
    if (!(node instanceof MapNode map)) {
      diagnostics.error(
          node.position(),
          path,
          path.lastKey() + " must be a mapping, not " + node.kindName(),
          "write keys " + String.join(", ", sorted(known)));
      return Optional.empty();
    }
    boolean valid = true;
    for (String key : map.entries().keySet()) {
      if (!known.contains(key)) {
        diagnostics.error(
            map.keyPosition(key),
            path.key(key),
            "unknown key \"" + key + "\" in " + path.lastKey(),
            "use " + String.join(", ", sorted(known)));
        valid = false;
      }
    }
    return valid ? Optional.of(map) : Optional.empty();
  }

  Optional<Duration> duration(MapNode map, String key, YamlPath path) {
    Node node = map.get(key);
    if (node == null) {
      return Optional.empty();
    }
    String text = node instanceof ScalarNode scalar && !scalar.isNull() ? scalar.text() : "";
    try {
      Duration duration = Durations.parse(text.trim());
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("not positive");
      }
      return Optional.of(duration);
    } catch (IllegalArgumentException e) {
      diagnostics.error(
          node.position(),
          path.key(key),
          "invalid " + key + " \"" + text + "\": expected a positive duration",
          DURATION_HINT);
      return Optional.empty();
    }
  }

  static List<String> strings(SeqNode seq) {
    var values = new ArrayList<String>();
    for (Node item : seq.items()) {
      if (!(item instanceof ScalarNode scalar) || scalar.isNull()) {
        return List.of();
      }
      values.add(scalar.text());
    }
    return values;
  }

  private static List<String> sorted(Set<String> keys) {
    var list = new ArrayList<>(keys);
    list.sort(null);
    return list;
  }
}
