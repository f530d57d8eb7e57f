package io.jcompose.engine.container;

import java.time.Duration;
import java.time.Instant;

/**
 * The {@code Status} column of a container list, in dockerd's words: {@code Up 7 seconds}, {@code
 * Exited (3) 2 seconds ago}, {@code Created}, {@code Restarting (1) 3 seconds ago}.
 */
final class StatusText {

  private StatusText() {}

  static String of(ContainerState state, Instant now) {
    return switch (state.status()) {
      case RUNNING -> "Up " + human(Duration.between(state.startedAt().orElse(now), now));
      case PAUSED ->
          "Up " + human(Duration.between(state.startedAt().orElse(now), now)) + " (Paused)";
      case RESTARTING ->
          "Restarting ("
              + state.exitCode()
              + ") "
              + human(Duration.between(state.finishedAt().orElse(now), now))
              + " ago";
      case EXITED ->
          state.finishedAt().isEmpty()
              ? "Exited (" + state.exitCode() + ")"
              : "Exited ("
                  + state.exitCode()
                  + ") "
                  + human(Duration.between(state.finishedAt().get(), now))
                  + " ago";
      case CREATED -> "Created";
      case REMOVING -> "Removal In Progress";
      case DEAD -> "Dead";
    };
  }

  /** What a running container's status ends with for its health: {@code (healthy)}. */
  static String health(String status) {
    return status.equals(HealthMonitor.STARTING) ? " (health: starting)" : " (" + status + ")";
  }

  /** Go's {@code units.HumanDuration}. */
  static String human(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds < 1) {
      return "Less than a second";
    }
    if (seconds == 1) {
      return "1 second";
    }
    if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = duration.toMinutes();
    if (minutes == 1) {
      return "About a minute";
    }
    if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(duration.toMillis() / 3_600_000.0);
    if (hours == 1) {
      return "About an hour";
    }
    if (hours < 48) {
      return hours + " hours";
    }
    if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    }
    if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return duration.toHours() / 24 / 365 + " years";
  }
}
