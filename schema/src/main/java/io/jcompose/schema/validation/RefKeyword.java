package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.List;
import java.util.Map;

/**
 * {@code $ref} to a local JSON pointer. The target is looked up in the compiler's table, which is
 * complete (and no longer changed) before the first validation, so references may form cycles.
 */
record RefKeyword(String pointer, Map<String, Schema> targets) implements Keyword {

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    target().check(node, path, out);
  }

  @Override
  public List<JsonType> acceptedTypes(int depth) {
    return target().acceptedTypes(depth);
  }

  private Schema target() {
    Schema target = targets.get(pointer);
    if (target == null) {
      throw new IllegalStateException("unresolved schema reference " + pointer);
    }
    return target;
  }
}
