package io.jcompose.model.interpolation;

import java.util.List;
import java.util.Objects;

/**
 * A parsed string: literal text and variable references, in order. Parsing first and evaluating
 * second means a syntax error is reported even inside a default that is never used.
 */
record Template(List<Part> parts) {

  Template {
    parts = List.copyOf(parts);
  }

  /** One piece of a template. */
  sealed interface Part permits Literal, Reference {}

  /** Text copied as is ({@code $$} already turned into {@code $}). */
  record Literal(String text) implements Part {
    Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * {@code $NAME} or {@code ${NAME<operator><word>}}; {@code word} is the default, error message or
   * alternate, itself a template (empty for {@link Operator#NONE}).
   */
  record Reference(String name, Operator operator, Template word) implements Part {
    Reference {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(word, "word");
    }
  }
}
