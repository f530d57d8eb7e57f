package io.jcompose.engine.http;

import java.util.Objects;

/**
 * What the server says about itself on every response: {@code Server: jcompose-engine/<version>
 * (linux)} and {@code Api-Version: <max>}.
 */
public record ServerIdentity(String version, ApiVersions apiVersions) {

  public ServerIdentity {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(apiVersions, "apiVersions");
    if (version.isBlank()) {
      throw new IllegalArgumentException("the server version is empty");
    }
  }

  String serverHeader() {
    return "jcompose-engine/" + version + " (linux)";
  }
}
