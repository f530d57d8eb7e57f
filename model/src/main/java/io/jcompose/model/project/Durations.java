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

  /**
   * Writes a duration the way Go's {@code time.Duration.String} does, which is how docker compose
   * prints and hashes durations: {@code 1m30s}, {@code 1h0m0s}, {@code 1.5s}, {@code 500ms}, {@code
   * 0s}.
   */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    long magnitude = Math.abs(nanos);
    var text = new StringBuilder(nanos < 0 ? "-" : "");
    if (magnitude == 0) {
      return "0s";
    }
    if (magnitude < 1_000_000_000L) {
      if (magnitude < 1_000L) {
        text.append(magnitude).append("ns");
      } else if (magnitude < 1_000_000L) {
        appendDecimal(text, magnitude, 1_000L).append("\u00b5s");
      } else {
        appendDecimal(text, magnitude, 1_000_000L).append("ms");
      }
      return text.toString();
    }
    long seconds = magnitude / 1_000_000_000L;
    long minutes = seconds / 60;
    long hours = minutes / 60;
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(minutes % 60).append('m');
    }
    text.append(seconds % 60);
    appendFraction(text, magnitude % 1_000_000_000L, 1_000_000_000L);
    return text.append('s').toString();
  }

  private static StringBuilder appendDecimal(StringBuilder text, long value, long scale) {
    text.append(value / scale);
    appendFraction(text, value % scale, scale);
    return text;
  }

  /** {@code .5} for 500 of 1000: the fraction's digits without trailing zeros, nothing for 0. */
  private static void appendFraction(StringBuilder text, long fraction, long scale) {
    if (fraction == 0) {
      return;
    }
    String digits = Long.toString(scale + fraction).substring(1);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    text.append('.').append(digits, 0, end);
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
