package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.UserException;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Values;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading verbs' option values that several verbs share: timeouts, KEY=VALUE pairs, services. */
final class CommandValues {

  private CommandValues() {}

  /** A whole number of seconds ({@code -t 5}, {@code --wait-timeout 60}). */
  static Optional<Duration> seconds(Values line, Option option) {
    Optional<String> value = line.value(option);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(value.get().trim());
      if (seconds < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      throw new UserException(
          option.names().get(0) + " takes a number of seconds, got \"" + value.get() + "\"",
          ExitCode.USAGE,
          e);
    }
  }

  /** Repeatable {@code KEY=VALUE} values; a bare {@code KEY} maps to {@code fallback(KEY)}. */
  static Map<String, String> pairs(
      Values line, Option option, java.util.function.Function<String, String> fallback) {
    var pairs = new LinkedHashMap<String, String>();
    for (String value : line.values(option)) {
      int equals = value.indexOf('=');
      if (equals > 0) {
        pairs.put(value.substring(0, equals), value.substring(equals + 1));
      } else if (equals < 0 && !value.isEmpty()) {
        String fromFallback = fallback.apply(value);
        if (fromFallback != null) {
          pairs.put(value, fromFallback);
        }
      } else {
        throw new UserException(
            option.names().get(0) + " takes KEY=VALUE, got \"" + value + "\"",
            ExitCode.USAGE,
            null);
      }
    }
    return pairs;
  }

  /** {@code --scale SERVICE=N}, repeatable. */
  static Map<String, Integer> scale(Values line, Option option) {
    var scale = new LinkedHashMap<String, Integer>();
    for (var entry : pairs(line, option, key -> null).entrySet()) {
      try {
        int count = Integer.parseInt(entry.getValue().trim());
        if (count < 0) {
          throw new NumberFormatException();
        }
        scale.put(entry.getKey(), count);
      } catch (NumberFormatException e) {
        throw new UserException(
            "--scale " + entry.getKey() + "=" + entry.getValue() + ": use SERVICE=N with N >= 0",
            ExitCode.USAGE,
            e);
      }
    }
    return scale;
  }

  static Set<String> services(Values line) {
    return new LinkedHashSet<>(line.positionals());
  }
}
