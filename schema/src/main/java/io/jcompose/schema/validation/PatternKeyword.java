package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.YamlPath;
import java.util.List;
import java.util.regex.Pattern;

/** {@code pattern}: a string must contain a match (JSON Schema patterns are not anchored). */
record PatternKeyword(Pattern pattern) implements Keyword {

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (node instanceof ScalarNode scalar
        && scalar.value() instanceof String text
        && !pattern.matcher(text).find()) {
      out.add(
          Diagnostic.error(
              node.position(),
              path,
              "invalid value " + JsonValue.quote(scalar),
              "it must match the pattern " + pattern.pattern()));
    }
  }
}
