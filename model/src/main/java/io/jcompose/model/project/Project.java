package io.jcompose.model.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A loaded compose project.
 *
 * @param services the enabled services, in file order
 * @param disabledServices services switched off by profiles, kept as known names
 * @param extensions the top-level {@code x-*} values, as plain values
 */
public record Project(
    String name,
    Path workingDirectory,
    List<Path> configFiles,
    Map<String, Service> services,
    Set<String> disabledServices,
    Map<String, Network> networks,
    Map<String, Volume> volumes,
    Map<String, ConfigFile> configs,
    Map<String, SecretFile> secrets,
    Map<String, Object> extensions) {

  public Project {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a project needs a name");
    }
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    configFiles = List.copyOf(configFiles);
    services = Ordered.copy(services);
    disabledServices = Ordered.copy(disabledServices);
    networks = Ordered.copy(networks);
    volumes = Ordered.copy(volumes);
    configs = Ordered.copy(configs);
    secrets = Ordered.copy(secrets);
    extensions = Ordered.copy(extensions);
    services.forEach(
        (key, service) -> {
          if (!key.equals(service.name())) {
            throw new IllegalArgumentException(
                "service \"" + service.name() + "\" is filed under \"" + key + "\"");
          }
        });
  }

  /** A project with no services or resources (the shape of the first stub, kept for callers). */
  public Project(String name, Path workingDirectory, List<Path> configFiles) {
    this(
        name,
        workingDirectory,
        configFiles,
        Map.of(),
        Set.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of());
  }

  public Service service(String serviceName) {
    Service service = services.get(serviceName);
    if (service == null) {
      throw new IllegalArgumentException("no service \"" + serviceName + "\" in " + name);
    }
    return service;
  }
}
