package io.jcompose.engine.registry;

import java.net.URI;
import java.net.URISyntaxException;

/** A Docker Hub mirror as {@code --registry-mirror} names it: {@code http[s]://host[:port]/}. */
final class RegistryMirror {

  private RegistryMirror() {}

  /**
   * The mirror with a trailing {@code /}, as dockerd shows it in {@code /info}.
   *
   * @throws IllegalArgumentException quoting the value, with dockerd's reasons
   */
  static String normalize(String mirror) {
    URI uri;
    try {
      uri = new URI(mirror.endsWith("/") ? mirror : mirror + "/");
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("invalid mirror: \"" + mirror + "\" is not a valid URI");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "invalid mirror: unsupported scheme \"" + uri.getScheme() + "\" in \"" + mirror + "\"");
    }
    if (uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getUserInfo() != null
        || !uri.getRawPath().equals("/")) {
      throw new IllegalArgumentException(
          "invalid mirror: path, query, or fragment at end of the URI \"" + mirror + "\"");
    }
    return uri.toString();
  }

  /** The endpoint pulls go to: the mirror's host and port, plain HTTP for {@code http://}. */
  static RegistryEndpoint endpoint(String mirror) {
    URI uri = URI.create(mirror);
    String host = uri.getRawAuthority();
    return new RegistryEndpoint(host, host, uri.getScheme().equals("http"));
  }
}
