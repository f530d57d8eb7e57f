package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.YamlPath;
import java.util.List;

/** {@code minLength} or {@code maxLength}, counted in characters (code points). */
record LengthKeyword(int limit, boolean lower) implements Keyword {

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (!(node instanceof ScalarNode scalar) || !(scalar.value() instanceof String text)) {
      return;
    }
    int length = text.codePointCount(0, text.length());
    if (lower ? length < limit : length > limit) {
      String bound = lower ? "at least " : "at most ";
      String unit = limit == 1 ? " character" : " characters";
      out.add(
          Diagnostic.error(
              node.position(), path, "must be " + bound + limit + unit + " long, not " + length));
    }
  }
}
