package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.List;

/**
 * {@code $ref} to a local JSON pointer. The target comes from the compiler, which compiles it on
 * first use (or up front, see {@link SchemaCompiler#compile}), so references may form cycles.
 */
record RefKeyword(String pointer, SchemaCompiler targets) implements Keyword {

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    targets.target(pointer).check(node, path, out);
  }

  @Override
  public List<JsonType> acceptedTypes(int depth) {
    return targets.target(pointer).acceptedTypes(depth);
  }
}
