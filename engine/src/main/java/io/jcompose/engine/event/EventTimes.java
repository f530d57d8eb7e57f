package io.jcompose.engine.event;

import io.jcompose.engine.fault.EngineFault;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code since} and {@code until} of {@code /events}: unix seconds with an optional fraction of
 * up to nine digits ({@code 1795819632.870292632}, what the CLI sends after turning {@code 10m} or
 * a date into a timestamp), or an RFC 3339 time.
 */
final class EventTimes {

  private static final Pattern UNIX = Pattern.compile("([0-9]{1,12})(?:\\.([0-9]{1,9}))?");

  private EventTimes() {}

  /**
   * @throws EngineFault.InvalidArgument quoting a value in neither form
   */
  static Optional<Instant> parse(String parameter, Optional<String> text) {
    if (text.isEmpty() || text.get().isBlank()) {
      return Optional.empty();
    }
    String value = text.get().strip();
    Matcher unix = UNIX.matcher(value);
    if (unix.matches()) {
      String fraction = unix.group(2) == null ? "" : unix.group(2);
      int nanos =
          fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(unix.group(1)), nanos));
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      throw new EngineFault.InvalidArgument(
          "invalid value for "
              + parameter
              + ": \""
              + value
              + "\" is neither unix seconds (1700000000.5) nor an RFC 3339 time",
          e);
    }
  }
}
