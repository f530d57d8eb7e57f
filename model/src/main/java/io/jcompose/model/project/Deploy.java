package io.jcompose.model.project;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The parts of {@code deploy} docker compose honours: replicas, resources, restart policy. */
public record Deploy(
    Optional<Integer> replicas, Resources resources, Optional<RestartPolicy> restartPolicy) {

  public Deploy {
    Objects.requireNonNull(replicas, "replicas");
    Objects.requireNonNull(resources, "resources");
    Objects.requireNonNull(restartPolicy, "restartPolicy");
    if (replicas.isPresent() && replicas.get() < 0) {
      throw new IllegalArgumentException("deploy.replicas cannot be negative: " + replicas.get());
    }
  }

  /** {@code deploy.resources}. */
  public record Resources(Limits limits, Limits reservations) {
    public static final Resources NONE = new Resources(Limits.NONE, Limits.NONE);

    public Resources {
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(reservations, "reservations");
    }
  }

  /** Limits or reservations of CPU, memory and process count. */
  public record Limits(Optional<Double> cpus, Optional<ByteSize> memory, Optional<Long> pids) {
    public static final Limits NONE =
        new Limits(Optional.empty(), Optional.empty(), Optional.empty());

    public Limits {
      Objects.requireNonNull(cpus, "cpus");
      Objects.requireNonNull(memory, "memory");
      Objects.requireNonNull(pids, "pids");
      if (cpus.isPresent() && cpus.get() < 0) {
        throw new IllegalArgumentException("cpus cannot be negative: " + cpus.get());
      }
    }
  }

  /** {@code deploy.restart_policy}. */
  public record RestartPolicy(
      String condition,
      Optional<Duration> delay,
      Optional<Integer> maxAttempts,
      Optional<Duration> window) {
    public RestartPolicy {
      Objects.requireNonNull(condition, "condition");
      if (!condition.equals("none")
          && !condition.equals("on-failure")
          && !condition.equals("any")) {
        throw new IllegalArgumentException(
            "restart_policy condition \"" + condition + "\" is not none, on-failure or any");
      }
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(maxAttempts, "maxAttempts");
      Objects.requireNonNull(window, "window");
    }
  }
}
