package io.jcompose.model.project;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A container healthcheck.
 *
 * @param test {@code [CMD, ...]}, {@code [CMD-SHELL, command]} or {@code [NONE]}; empty to inherit
 *     the image's test
 */
public record Healthcheck(
    List<String> test,
    Optional<Duration> interval,
    Optional<Duration> timeout,
    Optional<Duration> startPeriod,
    Optional<Duration> startInterval,
    Optional<Integer> retries) {

  private static final Set<String> TEST_KINDS = Set.of("CMD", "CMD-SHELL", "NONE");

  public Healthcheck {
    test = List.copyOf(test);
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(startPeriod, "startPeriod");
    Objects.requireNonNull(startInterval, "startInterval");
    Objects.requireNonNull(retries, "retries");
    if (!test.isEmpty() && !TEST_KINDS.contains(test.get(0))) {
      throw new IllegalArgumentException(
          "healthcheck test must start with CMD, CMD-SHELL or NONE, not \"" + test.get(0) + "\"");
    }
    if (retries.isPresent() && retries.get() < 0) {
      throw new IllegalArgumentException(
          "healthcheck retries cannot be negative: " + retries.get());
    }
  }

  /** Whether the healthcheck is switched off ({@code disable: true} or test {@code NONE}). */
  public boolean isDisabled() {
    return !test.isEmpty() && test.get(0).equals("NONE");
  }
}
