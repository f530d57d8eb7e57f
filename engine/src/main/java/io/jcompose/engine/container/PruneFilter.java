package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code filters} of {@code POST /containers/prune}: {@code until} (created before a time: a Go
 * duration before now such as {@code 24h} or {@code 1h30m}, unix seconds, or an RFC 3339 time or
 * date), {@code label} (all must hold) and {@code label!} (none may hold).
 */
record PruneFilter(Optional<Instant> until, Filters filters) {

  private static final Set<String> KEYS = Set.of("until", "label", "label!");
  private static final Pattern UNIX = Pattern.compile("([0-9]+)(?:\\.([0-9]{1,9}))?");
  private static final Pattern DURATION_PART =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|s|m|h)");

  /**
   * @throws EngineFault.InvalidArgument for another key, or an {@code until} that is no time
   */
  static PruneFilter parse(Filters filters, Instant now) {
    filters.requireKeys(KEYS);
    var untils = filters.values("until");
    if (untils.size() > 1) {
      throw new EngineFault.InvalidArgument("more than one until filter specified");
    }
    Optional<Instant> until =
        untils.isEmpty() ? Optional.empty() : Optional.of(time(untils.get(0), now));
    return new PruneFilter(until, filters);
  }

  boolean selects(Container container) {
    if (until.isPresent() && !container.created().isBefore(until.get())) {
      return false;
    }
    var labels = container.config().labels();
    return filters.labelsMatch("label", labels)
        && filters.values("label!").stream()
            .noneMatch(condition -> Filters.labelHolds(condition, labels));
  }

  static Instant time(String text, Instant now) {
    String value = text.strip();
    Matcher unix = UNIX.matcher(value);
    if (unix.matches()) {
      String fraction = unix.group(2) == null ? "" : unix.group(2);
      int nanos =
          fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      return Instant.ofEpochSecond(Long.parseLong(unix.group(1)), nanos);
    }
    Optional<Duration> duration = duration(value);
    if (duration.isPresent()) {
      return now.minus(duration.get());
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      // another form
    }
    try {
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // another form
    }
    try {
      return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new EngineFault.InvalidArgument(
          "failed to parse value as time or duration: \"" + value + "\"", e);
    }
  }

  /** Go's {@code time.ParseDuration}: {@code 24h}, {@code 1h30m}, {@code 1.5s}. */
  private static Optional<Duration> duration(String value) {
    Matcher part = DURATION_PART.matcher(value);
    long nanos = 0;
    int end = 0;
    while (part.find() && part.start() == end) {
      double amount = Double.parseDouble(part.group(1));
      long unit =
          switch (part.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      nanos += (long) (amount * unit);
      end = part.end();
    }
    return end == value.length() && end > 0
        ? Optional.of(Duration.ofNanos(nanos))
        : Optional.empty();
  }
}
