package io.jcompose.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The docker client's {@code config.json}: the current context, registry credentials ({@code
 * auths}), credential helpers ({@code credHelpers}, {@code credsStore}). A missing file is an empty
 * configuration; an unreadable one is an {@link IllegalArgumentException} naming the file.
 */
final class ClientConfig {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final JsonNode root;

  private ClientConfig(Path directory, JsonNode root) {
    this.directory = directory;
    this.root = root;
  }

  /** {@code DOCKER_CONFIG}, else {@code $HOME/.docker}. */
  static Path directory(Map<String, String> environment) {
    String configured = environment.get("DOCKER_CONFIG");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".docker");
  }

  static ClientConfig read(Path directory) {
    Path file = directory.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      return new ClientConfig(directory, MissingNode.getInstance());
    }
    try {
      return new ClientConfig(directory, JSON.readTree(file.toFile()));
    } catch (IOException unreadable) {
      throw new IllegalArgumentException(
          "cannot read the docker client configuration " + file + ": " + unreadable.getMessage(),
          unreadable);
    }
  }

  Path directory() {
    return directory;
  }

  Optional<String> currentContext() {
    return text(root.path("currentContext"));
  }

  /** The {@code auths} entry whose key names the registry (a URL or a host). */
  Optional<JsonNode> auth(String serverAddress) {
    JsonNode auths = root.path("auths");
    JsonNode exact = auths.get(serverAddress);
    if (exact != null) {
      return Optional.of(exact);
    }
    String wanted = hostOf(serverAddress);
    var keys = auths.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (hostOf(key).equals(wanted)) {
        return Optional.of(auths.get(key));
      }
    }
    return Optional.empty();
  }

  /** The helper for this registry: its {@code credHelpers} entry, else {@code credsStore}. */
  Optional<String> helper(String serverAddress) {
    JsonNode helpers = root.path("credHelpers");
    Optional<String> own = text(helpers.path(serverAddress));
    if (own.isEmpty()) {
      own = text(helpers.path(hostOf(serverAddress)));
    }
    return own.or(() -> text(root.path("credsStore")));
  }

  /** {@code https://index.docker.io/v1/} and {@code index.docker.io} both give the host. */
  static String hostOf(String serverAddress) {
    String host = serverAddress;
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    return host.equals("docker.io") || host.equals("registry-1.docker.io")
        ? "index.docker.io"
        : host;
  }

  static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
