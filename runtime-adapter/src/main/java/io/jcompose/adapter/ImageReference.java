package io.jcompose.adapter;

import java.util.Optional;

/**
 * An image reference split the way the docker CLI does: {@code [registry/]path[:tag][@digest]}. The
 * first component is a registry when it has a dot or a colon or is {@code localhost}; otherwise,
 * and for {@code docker.io} and {@code index.docker.io}, the registry is Docker Hub.
 *
 * @param registry the registry host, empty for Docker Hub
 * @param name everything before the tag and digest, as written
 */
record ImageReference(
    Optional<String> registry, String name, Optional<String> tag, Optional<String> digest) {

  /** The key under which the docker CLI stores Docker Hub credentials. */
  static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";

  static ImageReference parse(String reference) {
    if (reference.isBlank()) {
      throw new IllegalArgumentException("an image reference cannot be empty");
    }
    String rest = reference;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = Optional.of(rest.substring(colon + 1));
      rest = rest.substring(0, colon);
    }
    Optional<String> registry = Optional.empty();
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      boolean isRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
      if (isRegistry && !first.equals("docker.io") && !first.equals("index.docker.io")) {
        registry = Optional.of(first);
      }
    }
    return new ImageReference(registry, rest, tag, digest);
  }

  /** What credential stores are asked for: the registry host, or Docker Hub's server URL. */
  String serverAddress() {
    return registry.orElse(DOCKER_HUB_SERVER);
  }

  /** {@code fromImage} for a pull: the name, with the digest when there is one. */
  String repositoryForPull() {
    return digest.map(value -> name + "@" + value).orElse(name);
  }

  /** {@code tag} for a pull: none with a digest, else the tag or {@code latest}. */
  Optional<String> tagForPull() {
    return digest.isPresent() ? Optional.empty() : Optional.of(tag.orElse("latest"));
  }
}
