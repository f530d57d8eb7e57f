package io.jcompose.planner.wait;

import java.util.Objects;

/**
 * How readiness checks reach a container port.
 *
 * @param prober opens the tcp and http connections
 * @param publishedHost the host to connect to for a published port: {@code 127.0.0.1} for a local
 *     (unix socket) endpoint, the endpoint's host for a {@code tcp://} one
 */
public record ProbeSettings(Prober prober, String publishedHost) {

  /** Real sockets, published ports on loopback. */
  public static final ProbeSettings LOCAL = new ProbeSettings(Prober.SOCKETS, "127.0.0.1");

  public ProbeSettings {
    Objects.requireNonNull(prober, "prober");
    Objects.requireNonNull(publishedHost, "publishedHost");
    if (publishedHost.isBlank()) {
      throw new IllegalArgumentException("the published host cannot be blank");
    }
  }
}
