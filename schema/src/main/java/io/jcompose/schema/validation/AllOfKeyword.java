package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.List;

/** {@code allOf}: every schema applies. */
record AllOfKeyword(List<Schema> schemas) implements Keyword {

  AllOfKeyword {
    schemas = List.copyOf(schemas);
  }

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    for (Schema schema : schemas) {
      schema.check(node, path, out);
    }
  }

  @Override
  public List<JsonType> acceptedTypes(int depth) {
    List<JsonType> accepted = JsonType.ALL;
    for (Schema schema : schemas) {
      List<JsonType> narrowed = schema.acceptedTypes(depth);
      if (narrowed != JsonType.ALL) {
        accepted = JsonType.intersect(accepted, narrowed);
      }
    }
    return accepted;
  }
}
