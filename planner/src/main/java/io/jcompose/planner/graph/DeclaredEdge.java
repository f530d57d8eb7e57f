package io.jcompose.planner.graph;

import io.jcompose.model.project.Dependency;
import io.jcompose.schema.node.YamlPath;
import java.util.Objects;

/**
 * One reference from a service to another as the service declares it.
 *
 * @param dependency the effective depends_on entry: the declared one for depends_on, else the
 *     implicit {@code service_started}, required entry the loader would have added
 * @param path where the reference is declared, for diagnostics
 */
record DeclaredEdge(
    String dependentName,
    String dependencyName,
    EdgeKind kind,
    Dependency dependency,
    YamlPath path) {

  DeclaredEdge {
    Objects.requireNonNull(dependentName, "dependentName");
    Objects.requireNonNull(dependencyName, "dependencyName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dependency, "dependency");
    Objects.requireNonNull(path, "path");
  }
}
