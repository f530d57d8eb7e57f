package io.jcompose.model.hash;

import io.jcompose.model.hash.Shape.GoMap;
import io.jcompose.model.hash.Shape.ListOf;
import io.jcompose.model.hash.Shape.Struct;
import io.jcompose.model.render.JsonStrings;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;

/**
 * Compact JSON the way Go's {@code encoding/json} writes compose-go's types: struct fields in
 * declaration order with {@code omitempty}, map keys sorted, {@code <>&} and U+2028/U+2029 escaped.
 */
final class GoJson {

  private final StringBuilder out = new StringBuilder(1024);

  private GoJson() {}

  static String write(Node node, Shape shape) {
    var writer = new GoJson();
    writer.value(node, shape);
    return writer.out.toString();
  }

  private void value(Node node, Shape shape) {
    if (node instanceof MapNode map) {
      if (shape instanceof Struct struct) {
        struct(map, struct);
      } else {
        goMap(map, shape instanceof GoMap goMap ? goMap.valueShape() : Shape.ANY);
      }
    } else if (node instanceof SeqNode seq) {
      Shape items = shape instanceof ListOf list ? list.items() : Shape.ANY;
      out.append('[');
      for (int i = 0; i < seq.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        value(seq.get(i), items);
      }
      out.append(']');
    } else {
      scalar((ScalarNode) node);
    }
  }

  private void struct(MapNode map, Struct struct) {
    var names = new ArrayList<String>();
    map.entries()
        .forEach(
            (name, node) -> {
              boolean pointerToStruct =
                  struct.field(name) instanceof Struct && node instanceof MapNode;
              if (struct.alwaysPresent().contains(name) || pointerToStruct || !isEmpty(node)) {
                names.add(name);
              }
            });
    for (String name : struct.alwaysPresent()) {
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    names.sort(Comparator.comparingInt(struct::rank).thenComparing(Comparator.naturalOrder()));
    out.append('{');
    boolean first = true;
    for (String name : names) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(name);
      out.append(':');
      Node node = map.get(name);
      if (node == null) {
        out.append(struct.field(name) instanceof Struct ? "{}" : "null");
      } else {
        value(node, struct.field(name));
      }
    }
    out.append('}');
  }

  private void goMap(MapNode map, Shape values) {
    var entries = new ArrayList<>(map.entries().entrySet());
    entries.sort(Map.Entry.comparingByKey());
    out.append('{');
    boolean first = true;
    for (var entry : entries) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(entry.getKey());
      out.append(':');
      value(entry.getValue(), values);
    }
    out.append('}');
  }

  /**
   * Go's {@code omitempty}: false, 0, "", null, and empty lists and maps. (A present struct-shaped
   * mapping is a non-nil pointer in Go, so the caller keeps it even when empty.)
   */
  static boolean isEmpty(Node node) {
    if (node instanceof MapNode map) {
      return map.isEmpty();
    }
    if (node instanceof SeqNode seq) {
      return seq.size() == 0;
    }
    Object value = ((ScalarNode) node).value();
    return value == null
        || Boolean.FALSE.equals(value)
        || "".equals(value)
        || Long.valueOf(0).equals(value)
        || BigInteger.ZERO.equals(value)
        || (value instanceof Double d && d == 0.0);
  }

  private void scalar(ScalarNode scalar) {
    Object value = scalar.value();
    if (value == null) {
      out.append("null");
    } else if (value instanceof String text) {
      string(text);
    } else if (value instanceof Double number) {
      if (number == Math.rint(number) && Math.abs(number) < 1e21) {
        out.append(number.longValue());
      } else {
        out.append(number);
      }
    } else {
      out.append(value);
    }
  }

  private void string(String text) {
    JsonStrings.appendGo(out, text);
  }
}
