package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.YamlPath;
import java.util.HashMap;
import java.util.List;

/** {@code uniqueItems: true}: each repeated entry is reported at the repetition. */
record UniqueItemsKeyword() implements Keyword {

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (!(node instanceof SeqNode list) || list.size() < 2) {
      return;
    }
    var seen = new HashMap<Object, Node>();
    for (int index = 0; index < list.size(); index++) {
      Node item = list.get(index);
      Node first = seen.putIfAbsent(JsonValue.canonical(item), item);
      if (first != null) {
        String what = item instanceof ScalarNode scalar ? " " + JsonValue.quote(scalar) : "";
        String hint =
            first.position().isKnown()
                ? "the same entry is already listed at line " + first.position().line()
                : "remove one of the two entries";
        out.add(
            Diagnostic.error(item.position(), path.index(index), "duplicate entry" + what, hint));
      }
    }
  }
}
