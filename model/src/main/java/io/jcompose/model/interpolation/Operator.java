package io.jcompose.model.interpolation;

/** What a braced reference does when its variable is unset or empty. */
enum Operator {
  /** {@code ${VAR}} and {@code $VAR}: the value, or "" with a warning when unset. */
  NONE(""),
  /** {@code ${VAR:-default}}: the default when unset or empty. */
  DEFAULT_WHEN_EMPTY(":-"),
  /** {@code ${VAR-default}}: the default when unset. */
  DEFAULT_WHEN_UNSET("-"),
  /** {@code ${VAR:?message}}: an error when unset or empty. */
  REQUIRED_NON_EMPTY(":?"),
  /** {@code ${VAR?message}}: an error when unset. */
  REQUIRED_SET("?"),
  /** {@code ${VAR:+alternate}}: the alternate when set and non-empty, else "". */
  ALTERNATE_WHEN_NON_EMPTY(":+"),
  /** {@code ${VAR+alternate}}: the alternate when set, else "". */
  ALTERNATE_WHEN_SET("+");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }

  /** The operator written at {@code index} of {@code text}, or null when there is none. */
  static Operator at(String text, int index) {
    char first = text.charAt(index);
    if (first != ':') {
      return single(first);
    }
    char second = index + 1 < text.length() ? text.charAt(index + 1) : 0;
    return switch (second) {
      case '-' -> DEFAULT_WHEN_EMPTY;
      case '?' -> REQUIRED_NON_EMPTY;
      case '+' -> ALTERNATE_WHEN_NON_EMPTY;
      default -> null;
    };
  }

  private static Operator single(char symbol) {
    return switch (symbol) {
      case '-' -> DEFAULT_WHEN_UNSET;
      case '?' -> REQUIRED_SET;
      case '+' -> ALTERNATE_WHEN_SET;
      default -> null;
    };
  }
}
