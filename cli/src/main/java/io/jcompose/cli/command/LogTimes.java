package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.UserException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * {@code --since} / {@code --until} as docker reads them: a relative duration before now ({@code
 * 42m}, {@code 1h30m}, {@code 10s}), an RFC 3339 time ({@code 2026-11-28T10:00:00Z}), a local date
 * or date-time, or Unix seconds ({@code 1764316800}, {@code 1764316800.5}).
 */
final class LogTimes {

  private LogTimes() {}

  static Instant parse(String text, String option, Instant now) {
    String value = text.trim();
    try {
      if (value.matches("\\d+(\\.\\d+)?")) {
        int dot = value.indexOf('.');
        long seconds = Long.parseLong(dot < 0 ? value : value.substring(0, dot));
        long nanos = 0;
        if (dot >= 0) {
          String fraction = (value.substring(dot + 1) + "000000000").substring(0, 9);
          nanos = Long.parseLong(fraction);
        }
        return Instant.ofEpochSecond(seconds, nanos);
      }
      if (value.matches("(\\d+(\\.\\d+)?(h|m|s|ms))+")) {
        return now.minus(Duration.parse("PT" + relative(value)));
      }
      if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant();
      }
      if (value.matches("\\d{4}-\\d{2}-\\d{2}T[^Z+]*") && !value.matches(".*[+-]\\d{2}:\\d{2}$")) {
        return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new UserException(
          option
              + " takes a time (2026-11-28T10:00:00Z, Unix seconds) or a duration before now"
              + " (42m, 1h30m), got \""
              + text
              + "\"",
          ExitCode.USAGE,
          e);
    }
  }

  /** {@code 1h30m} as ISO-8601's time part {@code 1H30M}; milliseconds as fractional seconds. */
  private static String relative(String value) {
    var iso = new StringBuilder();
    var number = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isDigit(c) || c == '.') {
        number.append(c);
      } else if (c == 'm' && i + 1 < value.length() && value.charAt(i + 1) == 's') {
        iso.append(new java.math.BigDecimal(number.toString()).movePointLeft(3).toPlainString())
            .append('S');
        number.setLength(0);
        i++;
      } else {
        iso.append(number).append(Character.toUpperCase(c));
        number.setLength(0);
      }
    }
    return iso.toString();
  }
}
