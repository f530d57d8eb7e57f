package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * One compiled schema: the types it allows (empty for any) and its other keywords. A node of a
 * disallowed type gets one type error and no further checks, since every other keyword would only
 * repeat the same mistake in other words.
 */
record Schema(List<JsonType> types, List<Keyword> keywords) {

  /** The schema {@code true}: anything goes. */
  static final Schema ANY = new Schema(List.of(), List.of());

  /** The schema {@code false}: nothing is allowed. */
  static final Schema NOTHING = new Schema(List.of(), List.of(new NeverKeyword()));

  /** Past this many nested references the accepted types are not worked out further. */
  private static final int MAX_REFERENCE_DEPTH = 32;

  Schema {
    types = List.copyOf(types);
    keywords = List.copyOf(keywords);
  }

  void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (!types.isEmpty() && !JsonType.anyAccepts(types, node)) {
      out.add(
          Diagnostic.error(
              node.position(),
              path,
              "must be " + JsonType.phrase(types) + ", not " + node.kindName()));
      return;
    }
    for (Keyword keyword : keywords) {
      keyword.check(node, path, out);
    }
  }

  /** Whether {@code node} passes, without building messages for the caller. */
  boolean accepts(Node node, YamlPath path) {
    var scratch = new ArrayList<Diagnostic>(0);
    check(node, path, scratch);
    return scratch.isEmpty();
  }

  /**
   * The types a valid node may have, worked out from {@code type}, references, choices and enums.
   * An over-approximation: a node of another type certainly fails, one of these types may still
   * fail.
   */
  List<JsonType> acceptedTypes() {
    return acceptedTypes(0);
  }

  List<JsonType> acceptedTypes(int depth) {
    List<JsonType> accepted = types.isEmpty() ? JsonType.ALL : types;
    if (depth > MAX_REFERENCE_DEPTH) {
      return accepted;
    }
    for (Keyword keyword : keywords) {
      List<JsonType> narrowed = keyword.acceptedTypes(depth + 1);
      if (narrowed != JsonType.ALL) {
        accepted = JsonType.intersect(accepted, narrowed);
      }
    }
    return accepted;
  }

  /** Whether the schema itself names the node's type, rather than letting every type through. */
  boolean namesTypeOf(Node node) {
    List<JsonType> accepted = acceptedTypes();
    return accepted != JsonType.ALL && JsonType.anyAccepts(accepted, node);
  }
}
