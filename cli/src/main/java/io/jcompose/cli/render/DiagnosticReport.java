package io.jcompose.cli.render;

import io.jcompose.schema.diagnostic.Diagnostic;
import java.io.PrintWriter;
import java.util.List;

/** Prints the loader's diagnostics for a person: one (or, with a hint, two) lines each. */
public final class DiagnosticReport {

  private DiagnosticReport() {}

  public static void print(List<Diagnostic> diagnostics, PrintWriter err) {
    for (Diagnostic diagnostic : diagnostics) {
      err.println(diagnostic.render());
    }
  }

  /** The last line after an invalid load: {@code jcompose: the project is invalid (3 errors)}. */
  public static String invalidSummary(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    if (errors == 0) {
      return "jcompose: the project is invalid";
    }
    return "jcompose: the project is invalid (" + errors + (errors == 1 ? " error)" : " errors)");
  }
}
