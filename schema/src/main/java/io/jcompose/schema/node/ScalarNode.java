package io.jcompose.schema.node;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A scalar: {@code String}, {@code Long}, {@code BigInteger}, {@code Double}, {@code Boolean} or
 * {@code null}, typed by the YAML 1.2 core schema.
 */
public record ScalarNode(Object value, Position position, Tag tag) implements Node {

  public ScalarNode {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(tag, "tag");
    if (value instanceof Integer i) {
      value = i.longValue();
    }
    if (value != null
        && !(value instanceof String
            || value instanceof Long
            || value instanceof BigInteger
            || value instanceof Double
            || value instanceof Boolean)) {
      throw new IllegalArgumentException("not a scalar value: " + value.getClass());
    }
  }

  public static ScalarNode of(Object value, Position position) {
    return new ScalarNode(value, position, Tag.NONE);
  }

  public static ScalarNode nullAt(Position position) {
    return new ScalarNode(null, position, Tag.NONE);
  }

  public boolean isNull() {
    return value == null;
  }

  public boolean isString() {
    return value instanceof String;
  }

  public boolean isNumber() {
    return value instanceof Long || value instanceof BigInteger || value instanceof Double;
  }

  public boolean isInteger() {
    return value instanceof Long || value instanceof BigInteger;
  }

  public boolean isBoolean() {
    return value instanceof Boolean;
  }

  /** The value as text, the way it would be written in YAML ("" for null). */
  public String text() {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return Long.toString(d.longValue());
    }
    return value.toString();
  }

  /** The same position and tag with another value. */
  public ScalarNode withValue(Object newValue) {
    return new ScalarNode(newValue, position, tag);
  }

  @Override
  public ScalarNode withTag(Tag newTag) {
    return new ScalarNode(value, position, newTag);
  }

  @Override
  public String kindName() {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }

  @Override
  public Object toPlain() {
    return value;
  }
}
