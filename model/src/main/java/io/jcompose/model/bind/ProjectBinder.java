package io.jcompose.model.bind;

import io.jcompose.model.project.ConfigFile;
import io.jcompose.model.project.Network;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.SecretFile;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.Volume;
import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Binds the canonical tree into typed records. A service or resource that a record rejects is
 * reported at its position (unless an earlier stage already reported a problem inside it) and left
 * out.
 */
public final class ProjectBinder {

  private ProjectBinder() {}

  /**
   * @param canonical the canonical document (output of the canonical stage)
   * @param disabledServices services switched off by profiles, already removed from {@code
   *     canonical} but kept as known names
   */
  public static Project bind(
      MapNode canonical,
      String projectName,
      Path workingDirectory,
      List<Path> configFiles,
      Set<String> disabledServices,
      Diagnostics diagnostics) {
    var binding = new Binding(diagnostics);
    var resources = new ResourceBinder(projectName);
    Map<String, Service> services = binding.each(canonical, "services", ServiceBinder::bind);
    Map<String, Network> networks = binding.each(canonical, "networks", resources::network);
    Map<String, Volume> volumes = binding.each(canonical, "volumes", resources::volume);
    Map<String, ConfigFile> configs = binding.each(canonical, "configs", resources::config);
    Map<String, SecretFile> secrets = binding.each(canonical, "secrets", resources::secret);
    return new Project(
        projectName,
        workingDirectory,
        configFiles,
        services,
        disabledServices,
        networks,
        volumes,
        configs,
        secrets,
        NodeReader.extensions(canonical));
  }

  private record Binding(Diagnostics diagnostics) {

    <T> Map<String, T> each(MapNode document, String kind, BiFunction<String, MapNode, T> binder) {
      var bound = new LinkedHashMap<String, T>();
      if (!(document.get(kind) instanceof MapNode entries)) {
        return bound;
      }
      YamlPath kindPath = YamlPath.ROOT.key(kind);
      for (var entry : entries.entries().entrySet()) {
        String key = entry.getKey();
        Node value = entry.getValue();
        MapNode map = value instanceof MapNode m ? m : MapNode.empty(value.position());
        try {
          bound.put(key, binder.apply(key, map));
        } catch (IllegalArgumentException e) {
          report(entries.keyPosition(key), kindPath.key(key), e.getMessage());
        }
      }
      return bound;
    }

    private void report(Position keyPosition, YamlPath path, String message) {
      boolean alreadyReported =
          diagnostics.errors().stream().map(Diagnostic::path).anyMatch(p -> p.startsWith(path));
      if (!alreadyReported) {
        diagnostics.error(keyPosition, path, message);
      }
    }
  }
}
