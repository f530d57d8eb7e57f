package io.jcompose.schema.diagnostic;

import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects diagnostics across the stages of a load; not thread-safe. */
public final class Diagnostics {

  /** In the order they were found; a diagnostic reported twice is kept once. */
  private final Set<Diagnostic> items = new LinkedHashSet<>();

  public void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public void addAll(List<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      add(diagnostic);
    }
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
    return errorCount() > 0;
  }

  public int errorCount() {
    int count = 0;
    for (Diagnostic diagnostic : items) {
      if (diagnostic.isError()) {
        count++;
      }
    }
    return count;
  }

  /** All diagnostics, sorted by file, line and column (stable for equal positions). */
  public List<Diagnostic> sorted() {
    var copy = new ArrayList<>(items);
    copy.sort(BY_POSITION);
    return List.copyOf(copy);
  }

  public List<Diagnostic> errors() {
    return severity(true);
  }

  public List<Diagnostic> warnings() {
    return severity(false);
  }

  private List<Diagnostic> severity(boolean errors) {
    var selected = new ArrayList<Diagnostic>();
    for (Diagnostic diagnostic : sorted()) {
      if (diagnostic.isError() == errors) {
        selected.add(diagnostic);
      }
    }
    return List.copyOf(selected);
  }

  /**
   * By file, line and column: a class rather than a chain of lambdas, which a single interpreted
   * run would pay to link.
   */
  private static final class ByPosition implements Comparator<Diagnostic> {
    @Override
    public int compare(Diagnostic first, Diagnostic second) {
      int order = first.position().file().compareTo(second.position().file());
      if (order == 0) {
        order = Integer.compare(first.position().line(), second.position().line());
      }
      return order != 0
          ? order
          : Integer.compare(first.position().column(), second.position().column());
    }
  }

  private static final Comparator<Diagnostic> BY_POSITION = new ByPosition();
}
