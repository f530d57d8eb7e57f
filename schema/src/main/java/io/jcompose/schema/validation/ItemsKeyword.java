package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.List;

/** {@code items}: the schema every entry of a list must meet. */
record ItemsKeyword(Schema items) implements Keyword {

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (!(node instanceof SeqNode list)) {
      return;
    }
    for (int index = 0; index < list.size(); index++) {
      items.check(list.get(index), path.index(index), out);
    }
  }
}
