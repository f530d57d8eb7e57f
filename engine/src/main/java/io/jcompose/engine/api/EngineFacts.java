package io.jcompose.engine.api;

import io.jcompose.engine.http.ApiVersions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the engine says about itself in {@code /version} and {@code /info}.
 *
 * @param engineId a stable identifier of this engine installation ({@code ID} in {@code /info})
 * @param engineVersion the Docker-compatible version clients compare ({@code 25.0.0-jcompose}:
 *     testcontainers wants at least 1.6.0)
 * @param insecureRegistries the registries reached without TLS checks ({@code --insecure-registry})
 * @param mirrors Docker Hub's mirrors ({@code --registry-mirror})
 */
public record EngineFacts(
    String engineId,
    String engineVersion,
    Path dataRoot,
    ApiVersions apiVersions,
    HostFacts host,
    List<String> insecureRegistries,
    List<String> mirrors) {

  public EngineFacts {
    Objects.requireNonNull(engineId, "engineId");
    Objects.requireNonNull(engineVersion, "engineVersion");
    Objects.requireNonNull(dataRoot, "dataRoot");
    Objects.requireNonNull(apiVersions, "apiVersions");
    Objects.requireNonNull(host, "host");
    insecureRegistries = List.copyOf(insecureRegistries);
    mirrors = List.copyOf(mirrors);
  }

  /** Without insecure registries or mirrors. */
  public EngineFacts(
      String engineId,
      String engineVersion,
      Path dataRoot,
      ApiVersions apiVersions,
      HostFacts host) {
    this(engineId, engineVersion, dataRoot, apiVersions, host, List.of(), List.of());
  }
}
