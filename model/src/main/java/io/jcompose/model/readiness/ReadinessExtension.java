package io.jcompose.model.readiness;

import io.jcompose.model.project.ReadinessCheck;
import io.jcompose.model.project.ReadinessOverride;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.Optional;

/**
 * jcompose's readiness extension: {@code x-jcompose.ready} on a service and {@code x-jcompose} on a
 * depends_on entry. {@link #check} reports every problem with its position while the project loads;
 * the readers then bind what was found valid.
 */
public final class ReadinessExtension {

  private ReadinessExtension() {}

  /** Reports the problems of every readiness extension of a canonical document. */
  public static void check(MapNode canonical, Diagnostics diagnostics) {
    if (!(canonical.get("services") instanceof MapNode services)) {
      return;
    }
    var reader = new ReadinessReader(diagnostics);
    for (var entry : services.entries().entrySet()) {
      if (!(entry.getValue() instanceof MapNode service)) {
        continue;
      }
      YamlPath path = YamlPath.of("services", entry.getKey());
      Node extension = service.get(ReadinessReader.KEY);
      if (extension != null) {
        reader.service(extension, path.key(ReadinessReader.KEY));
      }
      if (service.get("depends_on") instanceof MapNode dependsOn) {
        checkDependencies(dependsOn, services, path.key("depends_on"), diagnostics);
      }
    }
  }

  private static void checkDependencies(
      MapNode dependsOn, MapNode services, YamlPath path, Diagnostics diagnostics) {
    var reader = new ReadinessReader(diagnostics);
    for (var entry : dependsOn.entries().entrySet()) {
      String dependencyName = entry.getKey();
      if (!(entry.getValue() instanceof MapNode dependency)
          || !dependency.has(ReadinessReader.KEY)) {
        continue;
      }
      YamlPath entryPath = path.key(dependencyName).key(ReadinessReader.KEY);
      Optional<ReadinessOverride> override =
          reader.dependency(dependency.get(ReadinessReader.KEY), entryPath);
      boolean ownProbe = override.isPresent() && override.get().probe().isPresent();
      if (override.isPresent()
          && !ownProbe
          && services.get(dependencyName) instanceof MapNode dependencyService
          && !hasReady(dependencyService)) {
        diagnostics.error(
            dependency.keyPosition(ReadinessReader.KEY),
            entryPath,
            "service \"" + dependencyName + "\" has no x-jcompose.ready check to wait for",
            "give this entry its own check (ready: {http: ...}) or add x-jcompose.ready to "
                + dependencyName);
      }
    }
  }

  private static boolean hasReady(MapNode service) {
    return service.get(ReadinessReader.KEY) instanceof MapNode extension && extension.has("ready");
  }

  /** A canonical service's readiness check; empty when it has none or it is invalid. */
  public static Optional<ReadinessCheck> service(MapNode service) {
    Node extension = service.get(ReadinessReader.KEY);
    return extension == null
        ? Optional.empty()
        : new ReadinessReader(new Diagnostics()).service(extension, YamlPath.ROOT);
  }

  /** A canonical depends_on entry's readiness; empty when it has none or it is invalid. */
  public static Optional<ReadinessOverride> dependency(MapNode dependency) {
    Node extension = dependency.get(ReadinessReader.KEY);
    return extension == null
        ? Optional.empty()
        : new ReadinessReader(new Diagnostics()).dependency(extension, YamlPath.ROOT);
  }
}
