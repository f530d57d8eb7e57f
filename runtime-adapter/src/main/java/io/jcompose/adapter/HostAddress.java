package io.jcompose.adapter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a {@code -H}/{@code DOCKER_HOST} value the way the docker CLI reads it: {@code
 * unix:///path}, {@code tcp://host[:port]} (port 2375, or 2376 with TLS), or a bare {@code
 * host:port} taken as tcp. Everything else is refused with a message quoting the value.
 */
final class HostAddress {

  private HostAddress() {}

  /**
   * @param source where the value came from, for the message ({@code -H}, {@code DOCKER_HOST})
   * @throws NoEndpointException quoting the value when it is not an endpoint jcompose can use
   */
  static URI parse(String value, String source, boolean tls) {
    String trimmed = value.trim();
    if (trimmed.isEmpty()) {
      throw new NoEndpointException(source + " is empty; give unix:///path or tcp://host:port");
    }
    int separator = trimmed.indexOf("://");
    String scheme =
        separator < 0 ? "tcp" : trimmed.substring(0, separator).toLowerCase(Locale.ROOT);
    String rest = separator < 0 ? trimmed : trimmed.substring(separator + 3);
    return switch (scheme) {
      case "unix" -> unix(rest, value, source);
      case "tcp", "http", "https" -> tcp(rest, value, source, tls || scheme.equals("https"));
      case "ssh" ->
          throw new NoEndpointException(
              "ssh endpoints are not supported yet: "
                  + source
                  + " is \""
                  + value
                  + "\"; forward the remote socket (ssh -L /tmp/docker.sock:/var/run/docker.sock)"
                  + " and use unix:///tmp/docker.sock");
      default ->
          throw new NoEndpointException(
              source
                  + " is \""
                  + value
                  + "\": the scheme "
                  + scheme
                  + ":// is not supported; use unix:///path or tcp://host:port");
    };
  }

  private static URI unix(String path, String value, String source) {
    if (path.isEmpty() || !path.startsWith("/")) {
      throw new NoEndpointException(
          source + " is \"" + value + "\": a unix endpoint needs an absolute socket path");
    }
    return URI.create("unix://" + path);
  }

  private static URI tcp(String authority, String value, String source, boolean tls) {
    String hostAndPort =
        authority.endsWith("/") ? authority.substring(0, authority.length() - 1) : authority;
    if (hostAndPort.isEmpty() || hostAndPort.contains("/")) {
      throw new NoEndpointException(
          source + " is \"" + value + "\": a tcp endpoint is tcp://host[:port]");
    }
    try {
      URI parsed = new URI("tcp://" + hostAndPort);
      if (parsed.getHost() == null) {
        throw new NoEndpointException(
            source + " is \"" + value + "\": \"" + hostAndPort + "\" is not host[:port]");
      }
      int port = parsed.getPort() >= 0 ? parsed.getPort() : (tls ? 2376 : 2375);
      return new URI("tcp", null, parsed.getHost(), port, null, null, null);
    } catch (URISyntaxException malformed) {
      throw new NoEndpointException(
          source + " is \"" + value + "\": " + malformed.getMessage(), malformed);
    }
  }

  /** Whether a parsed endpoint is tcp (and so may use TLS). */
  static boolean isTcp(URI uri) {
    return "tcp".equals(uri.getScheme());
  }

  static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
