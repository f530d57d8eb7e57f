package io.jcompose.model.readiness;

import io.jcompose.model.project.ReadinessCheck;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.List;
import java.util.Optional;

/** Reads the one probe of a {@code ready} mapping: tcp, http, log or command. */
final class ProbeReader {

  private final Diagnostics diagnostics;

  ProbeReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The first probe key of {@code ready}; the caller checked there is one. */
  Optional<ReadinessCheck.Probe> probe(MapNode ready, YamlPath path) {
    if (ready.has("tcp")) {
      return port(ready.get("tcp"), path.key("tcp")).map(ReadinessCheck.Tcp::new);
    }
    if (ready.has("http")) {
      return http(ready.get("http"), path.key("http"));
    }
    if (ready.has("log")) {
      return log(ready.get("log"), path.key("log"));
    }
    return command(ready.get("command"), path.key("command"));
  }

  private Optional<ReadinessCheck.Probe> http(Node node, YamlPath path) {
    if (!(node instanceof MapNode map)) {
      diagnostics.error(
          node.position(),
          path,
          "http must be a mapping, not " + node.kindName(),
          "write {port: 8080, path: /health}");
      return Optional.empty();
    }
    for (String key : map.entries().keySet()) {
      if (!List.of("port", "path", "status").contains(key)) {
        diagnostics.error(
            map.keyPosition(key),
            path.key(key),
            "unknown key \"" + key + "\" in http",
            "use port, path and status");
        return Optional.empty();
      }
    }
    if (!map.has("port")) {
      diagnostics.error(
          map.position(), path, "http has no port", "add the container port: port: 8080");
      return Optional.empty();
    }
    Optional<Integer> port = port(map.get("port"), path.key("port"));
    Optional<String> requestPath = Optional.of("/");
    if (map.has("path")) {
      requestPath = text(map.get("path"), path.key("path"), "a path like /health");
      if (requestPath.isPresent()
          && (!requestPath.get().startsWith("/") || requestPath.get().contains(" "))) {
        diagnostics.error(
            map.get("path").position(),
            path.key("path"),
            "invalid http path \"" + requestPath.get() + "\"",
            "write a path that starts with / and has no spaces, e.g. /health");
        requestPath = Optional.empty();
      }
    }
    Optional<Integer> status = Optional.empty();
    boolean statusValid = true;
    if (map.has("status")) {
      status = whole(map.get("status"), path.key("status"), 100, 599, "an HTTP status");
      statusValid = status.isPresent();
    }
    if (port.isEmpty() || requestPath.isEmpty() || !statusValid) {
      return Optional.empty();
    }
    return Optional.of(new ReadinessCheck.Http(port.get(), requestPath.get(), status));
  }

  private Optional<ReadinessCheck.Probe> log(Node node, YamlPath path) {
    Optional<String> pattern = text(node, path, "a regular expression");
    if (pattern.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ReadinessCheck.Log(pattern.get()));
    } catch (IllegalArgumentException e) {
      diagnostics.error(
          node.position(), path, e.getMessage(), "write a Java regular expression, e.g. ready");
      return Optional.empty();
    }
  }

  private Optional<ReadinessCheck.Probe> command(Node node, YamlPath path) {
    if (node instanceof ScalarNode scalar && scalar.isString() && !scalar.text().isBlank()) {
      return Optional.of(new ReadinessCheck.Command(List.of("sh", "-c", scalar.text())));
    }
    List<String> command = node instanceof SeqNode seq ? ReadinessReader.strings(seq) : List.of();
    if (command.isEmpty()) {
      diagnostics.error(
          node.position(),
          path,
          "command must be a non-empty list of strings or a shell command line",
          "write [\"sh\", \"-c\", \"test -f /tmp/ready\"]");
      return Optional.empty();
    }
    return Optional.of(new ReadinessCheck.Command(command));
  }

  private Optional<Integer> port(Node node, YamlPath path) {
    return whole(node, path, 1, 65535, "a container port (1-65535)");
  }

  private Optional<Integer> whole(Node node, YamlPath path, int min, int max, String what) {
    String text = node instanceof ScalarNode scalar && !scalar.isNull() ? scalar.text().trim() : "";
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return Optional.of(value);
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    diagnostics.error(
        node.position(),
        path,
        "invalid " + path.lastKey() + " \"" + text + "\": expected " + what,
        "write a number from " + min + " to " + max);
    return Optional.empty();
  }

  private Optional<String> text(Node node, YamlPath path, String what) {
    if (node instanceof ScalarNode scalar && !scalar.isNull() && !scalar.text().isEmpty()) {
      return Optional.of(scalar.text());
    }
    diagnostics.error(
        node.position(),
        path,
        "invalid " + path.lastKey() + ": expected " + what + ", not " + node.kindName(),
        "write " + what);
    return Optional.empty();
  }
}
