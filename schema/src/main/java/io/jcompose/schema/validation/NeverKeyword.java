package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.List;

/** The schema {@code false}: whatever is here should not be. */
record NeverKeyword() implements Keyword {

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    out.add(Diagnostic.error(node.position(), path, "no value is allowed here"));
  }

  @Override
  public List<JsonType> acceptedTypes(int depth) {
    return List.of();
  }
}
