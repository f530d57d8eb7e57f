package io.jcompose.adapter;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A Docker-API endpoint, as discovery found it.
 *
 * @param uri {@code unix:///path} or {@code tcp://host:port}
 * @param origin where it came from (messages name it)
 * @param tls client certificates and whether to verify the daemon's (tcp only)
 */
public record Endpoint(URI uri, Origin origin, Optional<Tls> tls) {

  public Endpoint {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(tls, "tls");
  }

  /** Where discovery found the endpoint, in DESIGN.md §4's order. */
  public enum Origin {
    HOST_FLAG("-H"),
    DOCKER_HOST("DOCKER_HOST"),
    CONTEXT("docker context"),
    DEFAULT_SOCKET("the default socket"),
    BUNDLED("the bundled engine");

    private final String description;

    Origin(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /**
   * TLS for a tcp endpoint.
   *
   * @param certificateDirectory holds {@code ca.pem}, {@code cert.pem} and {@code key.pem}
   * @param verify check the daemon's certificate against {@code ca.pem}
   */
  public record Tls(Path certificateDirectory, boolean verify) {
    public Tls {
      Objects.requireNonNull(certificateDirectory, "certificateDirectory");
    }
  }

  /** The bundled engine's socket path, when this is the bundled engine or a unix socket. */
  public Optional<Path> socketPath() {
    return "unix".equals(uri.getScheme()) ? Optional.of(Path.of(uri.getPath())) : Optional.empty();
  }
}
