package io.jcompose.schema.diagnostic;

/** How bad a diagnostic is. Errors make the project invalid; warnings are printed and ignored. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
