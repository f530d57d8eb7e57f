package io.jcompose.model.project;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A depends_on entry's own readiness ({@code depends_on.<name>.x-jcompose}): its own probe, or only
 * another interval or timeout for the dependency's service-level check.
 */
public record ReadinessOverride(
    Optional<ReadinessCheck.Probe> probe, Optional<Duration> interval, Optional<Duration> timeout) {

  public ReadinessOverride {
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    interval.ifPresent(i -> ReadinessCheck.positive(i, "interval"));
    timeout.ifPresent(t -> ReadinessCheck.positive(t, "timeout"));
  }

  /**
   * The check a dependent waits for: this entry's probe, else the service's; this entry's interval
   * and timeout, else the chosen check's. Empty when neither has a probe.
   */
  public Optional<ReadinessCheck> applyTo(Optional<ReadinessCheck> serviceCheck) {
    if (probe.isPresent()) {
      return Optional.of(
          new ReadinessCheck(
              probe.get(),
              interval.orElse(ReadinessCheck.DEFAULT_INTERVAL),
              timeout.orElse(ReadinessCheck.DEFAULT_TIMEOUT)));
    }
    return serviceCheck.map(
        check ->
            new ReadinessCheck(
                check.probe(), interval.orElse(check.interval()), timeout.orElse(check.timeout())));
  }
}
