package io.jcompose.schema.parse;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import java.util.List;

/** The documents of one YAML stream and the problems found while reading it. */
public record ParseResult(List<Node> documents, List<Diagnostic> diagnostics) {

  public ParseResult {
    documents = List.copyOf(documents);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    for (Diagnostic diagnostic : diagnostics) {
      if (diagnostic.isError()) {
        return true;
      }
    }
    return false;
  }
}
