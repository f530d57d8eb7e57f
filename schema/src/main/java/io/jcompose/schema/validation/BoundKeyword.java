package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.YamlPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** {@code minimum} or {@code maximum}, both inclusive. */
record BoundKeyword(BigDecimal limit, boolean lower) implements Keyword {

  BoundKeyword {
    Objects.requireNonNull(limit, "limit");
  }

  @Override
  public void check(Node node, YamlPath path, List<Diagnostic> out) {
    if (!(node instanceof ScalarNode scalar) || !scalar.isNumber()) {
      return;
    }
    if (!withinLimit(scalar.value())) {
      String bound = lower ? "at least " : "at most ";
      out.add(
          Diagnostic.error(
              node.position(),
              path,
              "must be " + bound + limit.toPlainString() + ", not " + scalar.text()));
    }
  }

  private boolean withinLimit(Object value) {
    BigDecimal number = JsonValue.decimal(value);
    if (number == null) {
      double d = (Double) value;
      return !Double.isNaN(d) && (lower ? d > 0 : d < 0);
    }
    int order = number.compareTo(limit);
    return lower ? order >= 0 : order <= 0;
  }
}
