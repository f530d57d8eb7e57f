package io.jcompose.planner.wait;

import java.util.List;

/**
 * A service waited for will never be ready: unhealthy, exited, without a healthcheck, or completed
 * with a non-zero code. {@code dependency failed to start: service db is unhealthy (container
 * demo-db-1)}, {@code service init didn't complete successfully: exit 3}.
 */
public final class ServiceFailedException extends WaitFailure {

  ServiceFailedException(String serviceName, String message) {
    super(message, List.of(serviceName));
  }

  public String serviceName() {
    return serviceNames().get(0);
  }
}
