package io.jcompose.planner.graph;

import io.jcompose.model.project.ConfigDigest;
import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Projects built in code, as a test writes them: services with only their references set. */
final class Projects {

  private Projects() {}

  static Project project(Service... services) {
    return project(Set.of(), services);
  }

  static Project project(Set<String> disabledServices, Service... services) {
    var byName = new LinkedHashMap<String, Service>();
    for (Service service : services) {
      byName.put(service.name(), service);
    }
    return new Project(
        "demo",
        Path.of("/demo"),
        List.of(),
        byName,
        disabledServices,
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of());
  }

  static Service service(String name, Map<String, Dependency> dependsOn) {
    return service(name, dependsOn, Optional.empty(), Map.of());
  }

  static Service service(String name, String... startedDependencies) {
    var dependsOn = new LinkedHashMap<String, Dependency>();
    for (String dependency : startedDependencies) {
      dependsOn.put(dependency, Dependency.started());
    }
    return service(name, dependsOn);
  }

  static Service service(
      String name,
      Map<String, Dependency> dependsOn,
      Optional<String> networkMode,
      Map<String, Object> other) {
    return new Service(
        name,
        Optional.of("alpine"),
        Optional.empty(),
        new Service.Process(
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            false,
            false,
            false,
            Optional.empty(),
            Optional.empty()),
        new Service.Networking(
            List.of(), List.of(), Map.of(), networkMode, Optional.empty(), Map.of()),
        new Service.Storage(List.of(), List.of(), List.of(), List.of()),
        new Service.Lifecycle(
            dependsOn,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            1,
            true),
        new Service.Runtime(
            false,
            false,
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()),
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        other,
        new ConfigDigest("{}", "0".repeat(64)));
  }
}
