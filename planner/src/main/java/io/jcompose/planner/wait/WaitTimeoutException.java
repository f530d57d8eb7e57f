package io.jcompose.planner.wait;

import io.jcompose.model.project.Durations;
import java.time.Duration;
import java.util.List;

/**
 * The wait timeout passed first: {@code timed out after 30s waiting for service db to be healthy:
 * container demo-db-1 is running, health: starting}.
 */
public final class WaitTimeoutException extends WaitFailure {

  private final Duration timeout;

  WaitTimeoutException(Duration timeout, List<String> serviceNames, String waitingFor) {
    super(
        "timed out after " + Durations.format(timeout) + " waiting for " + waitingFor,
        serviceNames);
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }
}
