package io.jcompose.model.load;

import io.jcompose.model.project.Project;
import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a load: the canonical model as a node tree (what {@code config} prints), every
 * diagnostic of the load, and the typed project bound from the tree.
 *
 * <p>Binding is done on the first call of {@link #project()}: {@code config} prints the tree and
 * never needs the records, and like docker compose it accepts values (a restart policy, a negative
 * scale) that only the engine-facing records reject. Problems found while binding are in {@link
 * #bindingErrors()}.
 */
public final class LoadResult {

  /** Binds the canonical tree into a project, reporting into the list it is given. */
  @FunctionalInterface
  interface Binder {
    Optional<Project> bind(List<Diagnostic> problems);
  }

  private final Optional<MapNode> canonical;
  private final List<Diagnostic> diagnostics;
  private Binder binder;
  private Optional<Project> project;
  private List<Diagnostic> bindingErrors = List.of();

  /** A result whose project is already known (or absent). */
  public LoadResult(
      Optional<MapNode> canonical, Optional<Project> project, List<Diagnostic> diagnostics) {
    this.canonical = Objects.requireNonNull(canonical, "canonical");
    this.project = Objects.requireNonNull(project, "project");
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** A valid load whose project is bound on first use. */
  static LoadResult bindingLater(MapNode canonical, List<Diagnostic> diagnostics, Binder binder) {
    var result = new LoadResult(Optional.of(canonical), Optional.empty(), diagnostics);
    result.binder = binder;
    return result;
  }

  public Optional<MapNode> canonical() {
    return canonical;
  }

  /** The typed project, bound from the canonical tree the first time it is asked for. */
  public synchronized Optional<Project> project() {
    if (binder != null) {
      var problems = new ArrayList<Diagnostic>();
      project = binder.bind(problems);
      bindingErrors = List.copyOf(problems);
      binder = null;
    }
    return project;
  }

  /** What binding the project found wrong (empty until {@link #project()} has been called). */
  public synchronized List<Diagnostic> bindingErrors() {
    return bindingErrors;
  }

  /** The diagnostics of the load itself, warnings included, sorted by position. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** No error and a canonical model: the project can be printed, and bound. */
  public boolean isValid() {
    return canonical.isPresent() && errors().isEmpty();
  }

  public List<Diagnostic> errors() {
    var errors = new ArrayList<Diagnostic>();
    for (Diagnostic diagnostic : diagnostics) {
      if (diagnostic.isError()) {
        errors.add(diagnostic);
      }
    }
    return errors;
  }

  public List<Diagnostic> warnings() {
    var warnings = new ArrayList<Diagnostic>();
    for (Diagnostic diagnostic : diagnostics) {
      if (!diagnostic.isError()) {
        warnings.add(diagnostic);
      }
    }
    return warnings;
  }
}
