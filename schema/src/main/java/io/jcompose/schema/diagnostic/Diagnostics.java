package io.jcompose.schema.diagnostic;

import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects diagnostics across the stages of a load; not thread-safe. */
public final class Diagnostics {

  private final List<Diagnostic> items = new ArrayList<>();

  public void add(Diagnostic diagnostic) {
    if (!items.contains(diagnostic)) {
      items.add(diagnostic);
    }
  }

  public void addAll(List<Diagnostic> diagnostics) {
    diagnostics.forEach(this::add);
  }

  public void error(Position position, YamlPath path, String message) {
    add(Diagnostic.error(position, path, message));
  }

  public void error(Position position, YamlPath path, String message, String hint) {
    add(Diagnostic.error(position, path, message, hint));
  }

  public void warning(Position position, YamlPath path, String message) {
    add(Diagnostic.warning(position, path, message));
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public int errorCount() {
    return (int) items.stream().filter(Diagnostic::isError).count();
  }

  /** All diagnostics, sorted by file, line and column (stable for equal positions). */
  public List<Diagnostic> sorted() {
    var copy = new ArrayList<>(items);
    copy.sort(
        Comparator.comparing((Diagnostic d) -> d.position().file())
            .thenComparingInt(d -> d.position().line())
            .thenComparingInt(d -> d.position().column()));
    return List.copyOf(copy);
  }

  public List<Diagnostic> errors() {
    return sorted().stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return sorted().stream().filter(d -> !d.isError()).toList();
  }
}
