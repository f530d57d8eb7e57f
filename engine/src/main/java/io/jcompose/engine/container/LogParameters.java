package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.QueryParameters;
import io.jcompose.engine.logs.LogQuery;
import io.jcompose.engine.logs.LogStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The query of {@code GET /containers/{id}/logs}: {@code stdout}, {@code stderr} (at least one),
 * {@code since} and {@code until} in unix seconds (fractions allowed; 0 is "not set"), {@code tail}
 * ({@code all} or a count).
 */
final class LogParameters {

  private LogParameters() {}

  /**
   * @throws EngineFault.InvalidArgument without a stream, or for a time that is not one
   */
  static LogQuery query(QueryParameters query) {
    var streams = EnumSet.noneOf(LogStream.class);
    if (query.bool("stdout")) {
      streams.add(LogStream.STDOUT);
    }
    if (query.bool("stderr")) {
      streams.add(LogStream.STDERR);
    }
    if (streams.isEmpty()) {
      throw new EngineFault.InvalidArgument("Bad parameters: you must choose at least one stream");
    }
    return new LogQuery(
        streams,
        tail(query.get("tail").orElse("all")),
        time(query.get("since"), "since"),
        time(query.get("until"), "until"));
  }

  static OptionalInt tail(String text) {
    try {
      int lines = Integer.parseInt(text.strip());
      return lines < 0 ? OptionalInt.empty() : OptionalInt.of(lines);
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** Unix seconds, maybe fractional; empty for absent or zero. */
  static Optional<Instant> time(Optional<String> text, String name) {
    if (text.isEmpty() || text.get().isBlank()) {
      return Optional.empty();
    }
    try {
      BigDecimal seconds = new BigDecimal(text.get().strip());
      if (seconds.signum() <= 0) {
        return Optional.empty();
      }
      long whole = seconds.longValue();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return Optional.of(Instant.ofEpochSecond(whole, nanos));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new EngineFault.InvalidArgument(
          "invalid value for " + name + ": \"" + text.get() + "\" is not a unix timestamp");
    }
  }
}
