package io.jcompose.engine.build.dockerfile;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations the way Go's time.ParseDuration writes them: {@code 30s}, {@code 1m30s}. */
final class GoDuration {

  private static final Pattern PART =
      Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");
  private static final Pattern WHOLE = Pattern.compile("(?:" + PART.pattern() + ")+|0");

  private GoDuration() {}

  /** The duration, or null when the text is not one. */
  static Duration parse(String text) {
    if (!WHOLE.matcher(text).matches()) {
      return null;
    }
    BigDecimal nanos = BigDecimal.ZERO;
    Matcher matcher = PART.matcher(text);
    while (matcher.find()) {
      nanos = nanos.add(new BigDecimal(matcher.group(1)).multiply(unit(matcher.group(2))));
    }
    return Duration.ofNanos(nanos.longValue());
  }

  private static BigDecimal unit(String unit) {
    switch (unit) {
      case "ns":
        return BigDecimal.ONE;
      case "us":
      case "µs":
        return BigDecimal.valueOf(1_000L);
      case "ms":
        return BigDecimal.valueOf(1_000_000L);
      case "s":
        return BigDecimal.valueOf(1_000_000_000L);
      case "m":
        return BigDecimal.valueOf(60_000_000_000L);
      default:
        return BigDecimal.valueOf(3_600_000_000_000L);
    }
  }
}
