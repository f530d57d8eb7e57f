package io.jcompose.planner.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One container as inspect shows it: its summary plus its run state.
 *
 * @param exitCode the last exit code (0 while it has never exited)
 * @param health empty when the container has no healthcheck
 * @param restartCount how often the engine restarted it by policy
 * @param addresses where the container can be reached
 */
public record ContainerDetails(
    ContainerSummary summary,
    int exitCode,
    Optional<Health> health,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    int restartCount,
    Addresses addresses) {

  public ContainerDetails {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(addresses, "addresses");
  }

  /** Details without addresses, for runtimes that do not tell them. */
  public ContainerDetails(
      ContainerSummary summary,
      int exitCode,
      Optional<Health> health,
      Optional<Instant> startedAt,
      Optional<Instant> finishedAt,
      int restartCount) {
    this(summary, exitCode, health, startedAt, finishedAt, restartCount, Addresses.NONE);
  }

  /**
   * Where a running container can be reached.
   *
   * @param ports its published ports (those with a host port)
   * @param ipAddresses network name to the container's IP address on it, for the networks where it
   *     has one
   */
  public record Addresses(List<ContainerSummary.Port> ports, Map<String, String> ipAddresses) {

    public static final Addresses NONE = new Addresses(List.of(), Map.of());

    public Addresses {
      ports = List.copyOf(ports);
      ipAddresses = Map.copyOf(ipAddresses);
    }
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
