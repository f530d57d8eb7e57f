package io.jcompose.model.project;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go duration syntax ({@code 1m30s}, {@code 10s}, {@code 500ms}, {@code 1.5h}) as used by compose.
 */
public final class Durations {

  private static final BigDecimal NANOS_PER_MICRO = BigDecimal.valueOf(1_000L);
  private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000L);
  private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

  private Durations() {}

  /**
   * Parses a Go duration: an optional sign, then one or more decimal numbers each followed by a
   * unit ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}); a bare
   * {@code 0} is allowed.
   *
   * @throws IllegalArgumentException quoting {@code text} when it is not a duration
   */
  public static Duration parse(String text) {
    if (text == null || text.isEmpty()) {
      throw invalid(text, "empty duration");
    }
    int index = 0;
    boolean negative = false;
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      negative = text.charAt(0) == '-';
      index++;
    }
    if (text.substring(index).equals("0")) {
      return Duration.ZERO;
    }
    if (index == text.length()) {
      throw invalid(text, "missing number");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    while (index < text.length()) {
      int numberStart = index;
      while (index < text.length()
          && (Character.isDigit(text.charAt(index)) || text.charAt(index) == '.')) {
        index++;
      }
      String number = text.substring(numberStart, index);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(text, "expected a number at position " + numberStart);
      }
      int unitStart = index;
      while (index < text.length()
          && !Character.isDigit(text.charAt(index))
          && text.charAt(index) != '.') {
        index++;
      }
      String unit = text.substring(unitStart, index);
      if (unit.isEmpty()) {
        throw invalid(text, "missing unit after " + number);
      }
      nanos = nanos.add(new BigDecimal(number).multiply(unitNanos(text, unit)));
    }
    long total = nanos.longValue();
    return Duration.ofNanos(negative ? -total : total);
  }

  private static BigDecimal unitNanos(String text, String unit) {
    return switch (unit) {
      case "ns" -> BigDecimal.ONE;
      case "us", "µs", "μs" -> NANOS_PER_MICRO;
      case "ms" -> NANOS_PER_MILLI;
      case "s" -> NANOS_PER_SECOND;
      case "m" -> NANOS_PER_SECOND.multiply(BigDecimal.valueOf(60));
      case "h" -> NANOS_PER_SECOND.multiply(BigDecimal.valueOf(3600));
      default -> throw invalid(text, "unknown unit \"" + unit + "\" (use ns, us, ms, s, m or h)");
    };
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("invalid duration \"" + text + "\": " + reason);
  }
}
