package io.jcompose.model.hash;

import java.util.List;
import java.util.Map;

/**
 * How compose-go's Go types serialize a part of a service: a struct (fields in declaration order,
 * empty fields omitted), a Go map (keys sorted, every entry kept), a list, or anything else.
 */
sealed interface Shape {

  /** A value with no known Go type: mappings serialize like Go maps. */
  Shape ANY = new GoMap(null);

  /**
   * A Go struct.
   *
   * @param order the json field names in declaration order; unknown fields go last, sorted
   * @param fields the shape of each field that is not {@link #ANY}
   * @param alwaysPresent fields written even when empty ({@code command}, {@code entrypoint}) or
   *     never omitted because they are non-pointer structs ({@code deploy.resources})
   */
  record Struct(List<String> order, Map<String, Shape> fields, List<String> alwaysPresent)
      implements Shape {

    Struct(List<String> order, Map<String, Shape> fields) {
      this(order, fields, List.of());
    }

    Shape field(String name) {
      return fields.getOrDefault(name, ANY);
    }

    int rank(String name) {
      int index = order.indexOf(name);
      return index < 0 ? order.size() : index;
    }
  }

  /**
   * A Go map: keys sorted, entries never omitted.
   *
   * @param values the shape of each value, or null for {@link #ANY}
   */
  record GoMap(Shape values) implements Shape {
    Shape valueShape() {
      return values == null ? ANY : values;
    }
  }

  /** A Go slice of {@code items}. */
  record ListOf(Shape items) implements Shape {}
}
