package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.List;

/** {@code not}: the node must fail {@code schema}. */
record NotKeyword(Schema schema) implements Keyword {

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (schema.accepts(node, path)) {
      out.add(Diagnostic.error(node.position(), path, "this value is not allowed here"));
    }
  }
}
