package io.jcompose.planner.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One container as inspect shows it: its summary plus its run state.
 *
 * @param exitCode the last exit code (0 while it has never exited)
 * @param health empty when the container has no healthcheck
 * @param restartCount how often the engine restarted it by policy
 */
public record ContainerDetails(
    ContainerSummary summary,
    int exitCode,
    Optional<Health> health,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    int restartCount) {

  public ContainerDetails {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  public String id() {
    return summary.id();
  }

  public String name() {
    return summary.name();
  }

  public ContainerStatus status() {
    return summary.status();
  }

  /** A healthcheck's verdict. */
  public enum Health {
    STARTING,
    HEALTHY,
    UNHEALTHY;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
