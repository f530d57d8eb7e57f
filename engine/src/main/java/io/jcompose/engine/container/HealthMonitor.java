package io.jcompose.engine.container;

import io.jcompose.engine.runtime.ContainerStatus;
import io.jcompose.engine.runtime.ExecRequest;
import io.jcompose.engine.runtime.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the healthchecks of running containers as dockerd does: the first probe one interval (the
 * start interval during the start period) after the start, then one each interval; a probe is the
 * test run with {@code runc exec}, healthy on exit code 0; {@code Retries} failures in a row, not
 * counting those in the start period, make the container unhealthy. Each change of status is
 * published as {@code health_status: <status>}. Health lives in memory: an engine that adopts a
 * container starts probing it afresh.
 */
final class HealthMonitor {

  static final String STARTING = "starting";
  static final String HEALTHY = "healthy";
  static final String UNHEALTHY = "unhealthy";

  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);
  private static final int DEFAULT_RETRIES = 3;
  private static final int LOG_ENTRIES = 5;
  private static final int OUTPUT_LIMIT = 4096;

  /** One probe's run. */
  record Probe(Instant start, Instant end, int exitCode, String output) {}

  /** {@code State.Health}. */
  record Health(String status, int failingStreak, List<Probe> log) {
    Health {
      log = List.copyOf(log);
    }
  }

  private final ContainerSubsystems parts;
  private final ContainerEvents events;
  private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

  /** A container being probed: its check, when its run started, its health, its next probe. */
  private static final class Tracked {
    final Container container;
    final Instant startedAt;
    volatile Health health = new Health(STARTING, 0, List.of());
    volatile ScheduledFuture<?> next;
    volatile boolean stopped;

    Tracked(Container container, Instant startedAt) {
      this.container = container;
      this.startedAt = startedAt;
    }
  }

  HealthMonitor(ContainerSubsystems parts, ContainerEvents events) {
    this.parts = parts;
    this.events = events;
  }

  /** Whether the container has a healthcheck to run ({@code NONE} disables the image's). */
  static boolean checks(Container container) {
    List<String> test = container.config().healthcheck().test();
    return !test.isEmpty() && !test.get(0).equals("NONE");
  }

  /** Starts probing a container that just started (or was adopted). */
  void started(Container container) {
    stopped(container.id());
    if (!checks(container)) {
      return;
    }
    var watched = new Tracked(container, parts.clock().instant());
    tracked.put(container.id(), watched);
    schedule(watched);
  }

  /** Stops probing; the last health stays for inspect until the next start. */
  void stopped(String containerId) {
    Tracked watched = tracked.get(containerId);
    if (watched != null) {
      watched.stopped = true;
      ScheduledFuture<?> next = watched.next;
      if (next != null) {
        next.cancel(false);
      }
    }
  }

  /** Forgets a removed container. */
  void forget(String containerId) {
    stopped(containerId);
    tracked.remove(containerId);
  }

  Optional<Health> healthOf(String containerId) {
    return Optional.ofNullable(tracked.get(containerId)).map(watched -> watched.health);
  }

  private boolean isPaused(String containerId) {
    try {
      return parts
          .runtime()
          .state(containerId)
          .map(state -> state.status() == ContainerStatus.PAUSED)
          .orElse(false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void schedule(Tracked watched) {
    if (watched.stopped) {
      return;
    }
    watched.next =
        parts
            .tasks()
            .schedule(
                () -> parts.threads().newThread(() -> probe(watched)).start(),
                delay(watched).toMillis(),
                TimeUnit.MILLISECONDS);
  }

  private void probe(Tracked watched) {
    if (watched.stopped) {
      return;
    }
    if (isPaused(watched.container.id())) {
      // an exec would join the frozen cgroup and hang until its timeout: skip this round
      schedule(watched);
      return;
    }
    ContainerConfig.Healthcheck check = watched.container.config().healthcheck();
    Duration timeout = orDefault(check.timeoutNanos(), DEFAULT_TIMEOUT);
    Instant start = parts.clock().instant();
    int exitCode;
    String output;
    try {
      ExecResult result =
          parts.runtime().exec(watched.container.id(), ExecRequest.of(timeout, command(check)));
      exitCode = result.timedOut() ? -1 : result.exitCode();
      output =
          result.timedOut()
              ? "Health check exceeded timeout (" + timeout.toSeconds() + "s)"
              : result.stdout() + result.stderr();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      exitCode = -1;
      output = ContainerLauncher.messageOf(e);
    }
    if (watched.stopped) {
      return;
    }
    record(watched, new Probe(start, parts.clock().instant(), exitCode, truncated(output)));
    schedule(watched);
  }

  private void record(Tracked watched, Probe probe) {
    Health before = watched.health;
    var log = new ArrayList<>(before.log());
    log.add(probe);
    while (log.size() > LOG_ENTRIES) {
      log.remove(0);
    }
    ContainerConfig.Healthcheck check = watched.container.config().healthcheck();
    int retries = check.retries() > 0 ? check.retries() : DEFAULT_RETRIES;
    String status = before.status();
    int streak = before.failingStreak();
    if (probe.exitCode() == 0) {
      status = HEALTHY;
      streak = 0;
    } else if (!inStartPeriod(watched, probe.end())) {
      streak++;
      if (streak >= retries) {
        status = UNHEALTHY;
      }
    }
    watched.health = new Health(status, streak, log);
    if (!status.equals(before.status())) {
      events.publish(watched.container, "health_status: " + status);
    }
  }

  private Duration delay(Tracked watched) {
    ContainerConfig.Healthcheck check = watched.container.config().healthcheck();
    if (inStartPeriod(watched, parts.clock().instant())
        && watched.health.status().equals(STARTING)) {
      return orDefault(check.startIntervalNanos(), DEFAULT_START_INTERVAL);
    }
    return orDefault(check.intervalNanos(), DEFAULT_INTERVAL);
  }

  private static boolean inStartPeriod(Tracked watched, Instant time) {
    long period = watched.container.config().healthcheck().startPeriodNanos();
    return period > 0 && time.isBefore(watched.startedAt.plusNanos(period));
  }

  private static String[] command(ContainerConfig.Healthcheck check) {
    List<String> test = check.test();
    if (test.get(0).equals("CMD-SHELL")) {
      return new String[] {"/bin/sh", "-c", String.join(" ", test.subList(1, test.size()))};
    }
    List<String> args = test.get(0).equals("CMD") ? test.subList(1, test.size()) : test;
    return args.toArray(String[]::new);
  }

  private static Duration orDefault(long nanos, Duration fallback) {
    return nanos > 0 ? Duration.ofNanos(nanos) : fallback;
  }

  private static String truncated(String output) {
    return output.length() > OUTPUT_LIMIT ? output.substring(0, OUTPUT_LIMIT) : output;
  }
}
