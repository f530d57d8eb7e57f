package io.jcompose.model.load;

import io.jcompose.model.project.Project;
import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.MapNode;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a load: the canonical model as a node tree (what {@code config} prints), the typed
 * project bound from it, and every diagnostic. When {@link #isValid()} is false the tree and the
 * project may be missing.
 */
public record LoadResult(
    Optional<MapNode> canonical, Optional<Project> project, List<Diagnostic> diagnostics) {

  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean isValid() {
    return diagnostics.stream().noneMatch(Diagnostic::isError) && project.isPresent();
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
