package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.List;

/** {@code required}: property names a mapping must have, reported at the mapping. */
record RequiredKeyword(List<String> names) implements Keyword {

  RequiredKeyword {
    names = List.copyOf(names);
  }

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (!(node instanceof MapNode map)) {
      return;
    }
    for (String name : names) {
      if (!map.has(name)) {
        out.add(
            Diagnostic.error(map.position(), path, "missing required property \"" + name + "\""));
      }
    }
  }
}
