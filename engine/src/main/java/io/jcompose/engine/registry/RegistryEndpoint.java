package io.jcompose.engine.registry;

import io.jcompose.engine.image.ImageReference;
import java.net.URI;

/**
 * Where a registry answers: Docker Hub's {@code docker.io} is served by {@code
 * registry-1.docker.io}; requests go over TLS unless {@link RegistryConnector} found that a
 * registry that may use plain HTTP (a loopback one, {@code 127.0.0.0/8}, {@code ::1}, {@code
 * localhost}, or one the engine was told is insecure) does not speak TLS.
 *
 * @param domain the registry as references name it, {@code 127.0.0.1:5000}
 * @param host the host and port requests go to
 * @param plainHttp whether requests go over plain HTTP
 */
record RegistryEndpoint(String domain, String host, boolean plainHttp) {

  private static final String DOCKER_HUB_HOST = "registry-1.docker.io";

  /** The TLS endpoint of a registry. */
  static RegistryEndpoint secure(String domain) {
    String host = domain.equals(ImageReference.DEFAULT_DOMAIN) ? DOCKER_HUB_HOST : domain;
    return new RegistryEndpoint(domain, host, false);
  }

  RegistryEndpoint overPlainHttp() {
    return new RegistryEndpoint(domain, host, true);
  }

  /** Whether the registry is on this machine's loopback, which may use plain HTTP. */
  boolean isLoopback() {
    return isLoopback(hostName(host));
  }

  /** {@code /v2/<path>} on this registry. */
  URI uri(String path) {
    return URI.create((plainHttp ? "http" : "https") + "://" + host + path);
  }

  /** The host name without its port: {@code [::1]:5000} is {@code ::1}. */
  static String hostName(String hostAndPort) {
    if (hostAndPort.startsWith("[")) {
      int end = hostAndPort.indexOf(']');
      return end < 0 ? hostAndPort : hostAndPort.substring(1, end);
    }
    int colon = hostAndPort.indexOf(':');
    return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
  }

  static boolean isLoopback(String hostName) {
    if (hostName.equals("localhost") || hostName.equals("::1")) {
      return true;
    }
    String[] octets = hostName.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }
}
