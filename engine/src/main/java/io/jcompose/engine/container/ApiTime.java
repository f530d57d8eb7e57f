package io.jcompose.engine.container;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Times as dockerd writes them in JSON: Go's RFC 3339 with nanoseconds, trailing zeros cut. */
final class ApiTime {

  /** Go's zero time, for a start or an exit that has not happened. */
  static final String ZERO = "0001-01-01T00:00:00Z";

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private ApiTime() {}

  static String format(Instant time) {
    var text = new StringBuilder(SECONDS.format(time));
    if (time.getNano() != 0) {
      String nanos = String.format("%09d", time.getNano());
      int end = nanos.length();
      while (nanos.charAt(end - 1) == '0') {
        end--;
      }
      text.append('.').append(nanos, 0, end);
    }
    return text.append('Z').toString();
  }

  static String format(Optional<Instant> time) {
    return time.map(ApiTime::format).orElse(ZERO);
  }

  /** With all nine digits, as log timestamps are: {@code 2026-11-27T22:42:15.240439545Z}. */
  static String formatFixed(Instant time) {
    return SECONDS.format(time) + String.format(".%09dZ", time.getNano());
  }
}
