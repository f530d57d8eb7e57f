package io.jcompose.schema.validation;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * Node values as JSON Schema compares them: 1, 1.0 and 1e0 are the same number; key order in a
 * mapping does not matter.
 */
final class JsonValue {

  private JsonValue() {}

  /** A value whose {@code equals} is JSON equality. */
  static Object canonical(Node node) {
    if (node instanceof MapNode map) {
      var entries = new HashMap<String, Object>();
      for (var entry : map.entries().entrySet()) {
        entries.put(entry.getKey(), canonical(entry.getValue()));
      }
      return entries;
    }
    if (node instanceof SeqNode list) {
      var items = new ArrayList<Object>(list.size());
      for (Node item : list.items()) {
        items.add(canonical(item));
      }
      return items;
    }
    Object value = ((ScalarNode) node).value();
    BigDecimal number = decimal(value);
    return number == null ? value : number.stripTrailingZeros();
  }

  /** The exact decimal value of a finite number, or null for anything else. */
  static BigDecimal decimal(Object value) {
    if (value instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (value instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
      return new BigDecimal(d);
    }
    return null;
  }

  /** A scalar the way a message quotes it: strings in double quotes, the rest as written. */
  static String quote(ScalarNode scalar) {
    if (scalar.isNull()) {
      return "null";
    }
    return scalar.isString() ? "\"" + scalar.value() + "\"" : scalar.text();
  }
}
