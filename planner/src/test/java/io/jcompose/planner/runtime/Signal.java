package io.jcompose.planner.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * The signals the in-memory runtime knows by name or number. Its processes die of every one of
 * them, with the exit code {@code 128 + number} a shell reports.
 */
enum Signal {
  SIGHUP(1),
  SIGINT(2),
  SIGQUIT(3),
  SIGKILL(9),
  SIGUSR1(10),
  SIGUSR2(12),
  SIGTERM(15);

  private final int number;

  Signal(int number) {
    this.number = number;
  }

  int number() {
    return number;
  }

  int exitCode() {
    return 128 + number;
  }

  /** Parses {@code SIGTERM}, {@code TERM} or {@code 15}. */
  static Optional<Signal> parse(String signal) {
    String upper = signal.trim().toUpperCase(Locale.ROOT);
    for (Signal candidate : values()) {
      if (candidate.name().equals(upper)
          || candidate.name().equals("SIG" + upper)
          || Integer.toString(candidate.number).equals(upper)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
