package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import java.time.Duration;
import java.util.Set;

/** dockerd's restart policies: whether an exit is followed by a start, and after how long. */
final class RestartDecision {

  static final Set<String> POLICIES = Set.of("", "no", "always", "unless-stopped", "on-failure");

  private static final Duration FIRST_DELAY = Duration.ofMillis(100);
  private static final Duration MAX_DELAY = Duration.ofMinutes(1);
  private static final Duration LONG_RUN = Duration.ofSeconds(10);

  private RestartDecision() {}

  /**
   * @throws EngineFault.InvalidArgument for an unknown policy, a negative retry count, or a policy
   *     on an auto-removed container
   */
  static void validate(HostSettings.RestartPolicy policy, boolean autoRemove) {
    if (!POLICIES.contains(policy.name())) {
      throw new EngineFault.InvalidArgument("invalid restart policy '" + policy.name() + "'");
    }
    if (policy.maximumRetryCount() < 0) {
      throw new EngineFault.InvalidArgument("maximum retry count cannot be negative");
    }
    if (policy.maximumRetryCount() != 0
        && !policy.name().equals("on-failure")
        && !policy.name().isEmpty()) {
      throw new EngineFault.InvalidArgument(
          "maximum retry count cannot be used with restart policy '" + policy.name() + "'");
    }
    if (autoRemove && applies(policy)) {
      throw new EngineFault.InvalidArgument(
          "can't create 'AutoRemove' container with restart policy");
    }
  }

  /** Whether the policy ever restarts. */
  static boolean applies(HostSettings.RestartPolicy policy) {
    return !policy.name().isEmpty() && !policy.name().equals("no");
  }

  /** Whether a container that ended with {@code exitCode} is started again. */
  static boolean restarts(Container container, int exitCode) {
    HostSettings.RestartPolicy policy = container.host().restartPolicy();
    ContainerState state = container.state();
    if (state.manuallyStopped()) {
      return false;
    }
    return switch (policy.name()) {
      case "always", "unless-stopped" -> true;
      case "on-failure" ->
          exitCode != 0
              && (policy.maximumRetryCount() == 0
                  || state.restartCount() < policy.maximumRetryCount());
      default -> false;
    };
  }

  /**
   * Whether an engine that starts anew starts a container that is not running: one that ran before
   * with {@code always}, or with {@code unless-stopped} when no client stopped it.
   */
  static boolean startsWithEngine(Container container) {
    String name = container.host().restartPolicy().name();
    boolean ranBefore = container.state().startedAt().isPresent();
    return ranBefore
        && (name.equals("always")
            || (name.equals("unless-stopped") && !container.state().manuallyStopped()));
  }

  /** 100 ms, doubling with each restart in a row, at most a minute; 100 ms after a long run. */
  static Duration delay(int restartCount, Duration lastRun) {
    if (lastRun.compareTo(LONG_RUN) >= 0) {
      return FIRST_DELAY;
    }
    Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(restartCount, 10));
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }
}
