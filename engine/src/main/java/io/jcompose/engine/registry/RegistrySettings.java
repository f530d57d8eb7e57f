package io.jcompose.engine.registry;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the engine reaches registries, as dockerd's {@code --insecure-registry} and {@code
 * /etc/docker/certs.d} say: which registries may be spoken to over plain HTTP (and over TLS without
 * checking their certificate), and where the CA certificates of particular registries are ({@code
 * <dir>/<host:port>/*.crt}).
 *
 * @param insecureRegistries {@code host[:port]} as image references name the registry
 * @param certsDirectories looked in, in order, for {@code <host:port>/*.crt}
 * @param mirrors Docker Hub mirrors ({@code --registry-mirror}), {@code http[s]://host[:port]/},
 *     tried in order before Docker Hub itself for pulls of {@code docker.io} images
 */
public record RegistrySettings(
    Set<String> insecureRegistries, List<Path> certsDirectories, List<String> mirrors) {

  /** dockerd's directory first, then jcompose's own. */
  public static final List<Path> DEFAULT_CERTS_DIRECTORIES =
      List.of(Path.of("/etc/docker/certs.d"), Path.of("/etc/jcompose/certs.d"));

  public RegistrySettings {
    insecureRegistries = Set.copyOf(insecureRegistries);
    certsDirectories = List.copyOf(certsDirectories);
    mirrors = List.copyOf(mirrors);
    insecureRegistries.forEach(RegistrySettings::checkRegistry);
  }

  /** Without mirrors. */
  public RegistrySettings(Set<String> insecureRegistries, List<Path> certsDirectories) {
    this(insecureRegistries, certsDirectories, List.of());
  }

  public static RegistrySettings defaults() {
    return new RegistrySettings(Set.of(), DEFAULT_CERTS_DIRECTORIES);
  }

  /**
   * Adds a registry reached over plain HTTP when it does not speak TLS.
   *
   * @throws IllegalArgumentException quoting a value that is not {@code host[:port]}
   */
  public RegistrySettings withInsecureRegistry(String registry) {
    checkRegistry(registry);
    var registries = new LinkedHashSet<>(insecureRegistries);
    registries.add(registry);
    return new RegistrySettings(registries, certsDirectories, mirrors);
  }

  public RegistrySettings withCertsDirectories(List<Path> directories) {
    return new RegistrySettings(insecureRegistries, directories, mirrors);
  }

  /**
   * Adds a Docker Hub mirror, as dockerd's {@code --registry-mirror} takes it.
   *
   * @throws IllegalArgumentException quoting a value that is not {@code http[s]://host[:port][/]}
   */
  public RegistrySettings withMirror(String mirror) {
    var all = new java.util.ArrayList<>(mirrors);
    all.add(RegistryMirror.normalize(mirror));
    return new RegistrySettings(insecureRegistries, certsDirectories, all);
  }

  boolean isInsecure(String domain) {
    return insecureRegistries.contains(domain);
  }

  private static void checkRegistry(String registry) {
    Objects.requireNonNull(registry, "registry");
    if (registry.contains("://")) {
      throw new IllegalArgumentException(
          "insecure registry \"" + registry + "\" should not contain '://': use host[:port]");
    }
    if (!registry.matches(
        "(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)(:[0-9]{1,5})?")) {
      throw new IllegalArgumentException(
          "insecure registry \"" + registry + "\" is not a host[:port] (192.168.1.5:5000)");
    }
  }
}
