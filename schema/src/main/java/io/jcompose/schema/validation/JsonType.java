package io.jcompose.schema.validation;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The seven JSON Schema types, with the words a compose user knows them by. */
enum JsonType {
  OBJECT("object", "a mapping"),
  ARRAY("array", "a list"),
  STRING("string", "a string"),
  INTEGER("integer", "an integer"),
  NUMBER("number", "a number"),
  BOOLEAN("boolean", "a boolean"),
  NULL("null", "null");

  static final List<JsonType> ALL = List.of(values());

  private final String schemaName;
  private final String words;

  JsonType(String schemaName, String words) {
    this.schemaName = schemaName;
    this.words = words;
  }

  static JsonType named(String schemaName) {
    for (JsonType type : values()) {
      if (type.schemaName.equals(schemaName)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown type \"" + schemaName + "\"");
  }

  /** Whether {@code node} is an instance of this type; 2 and 2.0 are integers, both numbers. */
  boolean accepts(Node node) {
    return switch (this) {
      case OBJECT -> node instanceof MapNode;
      case ARRAY -> node instanceof SeqNode;
      case STRING -> node instanceof ScalarNode scalar && scalar.isString();
      case INTEGER -> node instanceof ScalarNode scalar && isIntegral(scalar.value());
      case NUMBER -> node instanceof ScalarNode scalar && scalar.isNumber();
      case BOOLEAN -> node instanceof ScalarNode scalar && scalar.isBoolean();
      case NULL -> node instanceof ScalarNode scalar && scalar.isNull();
    };
  }

  static boolean anyAccepts(List<JsonType> types, Node node) {
    for (JsonType type : types) {
      if (type.accepts(node)) {
        return true;
      }
    }
    return false;
  }

  /** The types in {@code first} that can hold a value of {@code second}, in the first's order. */
  static List<JsonType> intersect(List<JsonType> first, List<JsonType> second) {
    var result = new ArrayList<JsonType>();
    for (JsonType type : first) {
      if (second.contains(type) || (type == INTEGER && second.contains(NUMBER))) {
        result.add(type);
      } else if (type == NUMBER && second.contains(INTEGER)) {
        result.add(INTEGER);
      }
    }
    return List.copyOf(result);
  }

  /** "a string", "a boolean or a string", "a number, a string or a mapping"; null comes last. */
  static String phrase(List<JsonType> types) {
    var words = new ArrayList<String>();
    for (JsonType type : types) {
      if (type != NULL && !words.contains(type.words)) {
        words.add(type.words);
      }
    }
    if (types.contains(NULL)) {
      words.add(NULL.words);
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " or "
        + words.get(words.size() - 1);
  }

  private static boolean isIntegral(Object value) {
    return value instanceof Long
        || value instanceof BigInteger
        || (value instanceof Double d && !d.isInfinite() && d == Math.rint(d));
  }
}
