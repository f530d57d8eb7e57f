package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.diagnostic.DidYouMean;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code enum} (and {@code const}, an enum of one): the node must equal one of the values. */
record EnumKeyword(List<Node> values, Set<Object> canonicalValues) implements Keyword {

  EnumKeyword {
    values = List.copyOf(values);
    // not Set.copyOf: a JSON null is a valid enum value
    canonicalValues = Collections.unmodifiableSet(new HashSet<>(canonicalValues));
  }

  /** From the plain JSON values of the schema. */
  static EnumKeyword of(List<Object> plainValues) {
    var values = new ArrayList<Node>(plainValues.size());
    var canonical = new HashSet<Object>();
    for (Object plain : plainValues) {
      Node value = Node.fromPlain(plain, Position.UNKNOWN);
      values.add(value);
      canonical.add(JsonValue.canonical(value));
    }
    return new EnumKeyword(values, canonical);
  }

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (canonicalValues.contains(JsonValue.canonical(node))) {
      return;
    }
    var words = new ArrayList<String>();
    for (Node value : values) {
      words.add(
          value instanceof ScalarNode scalar && !scalar.isNull()
              ? scalar.text()
              : String.valueOf(value.toPlain()));
    }
    String message = "must be one of: " + String.join(", ", words);
    if (node instanceof ScalarNode scalar) {
      message += "; got " + JsonValue.quote(scalar);
      if (scalar.isString()) {
        String hint = DidYouMean.nearest(scalar.text(), words).map(DidYouMean::phrase).orElse("");
        out.add(Diagnostic.error(node.position(), path, message, hint));
        return;
      }
    }
    out.add(Diagnostic.error(node.position(), path, message));
  }

  @Override
  public List<JsonType> acceptedTypes(int depth) {
    var accepted = new ArrayList<JsonType>();
    for (Node value : values) {
      for (JsonType type : JsonType.ALL) {
        if (type.accepts(value) && !accepted.contains(type)) {
          accepted.add(type);
        }
      }
    }
    return List.copyOf(accepted);
  }
}
