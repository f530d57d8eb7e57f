package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code enum} (and {@code const}, an enum of one): the node must equal one of the values. */
record EnumKeyword(List<Node> values, Set<Object> canonicalValues) implements Keyword {

  EnumKeyword {
    values = List.copyOf(values);
    canonicalValues = Set.copyOf(canonicalValues);
  }

  static EnumKeyword of(List<Node> values) {
    var canonical = new LinkedHashSet<Object>();
    values.forEach(value -> canonical.add(new Canonical(JsonValue.canonical(value))));
    return new EnumKeyword(values, canonical);
  }

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (canonicalValues.contains(new Canonical(JsonValue.canonical(node)))) {
      return;
    }
    var words = new ArrayList<String>();
    for (Node value : values) {
      words.add(value instanceof ScalarNode scalar ? scalar.text() : value.toPlain().toString());
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

  /** Wraps a canonical value so that a JSON null can live in an immutable set. */
  private record Canonical(Object value) {}
}
