package io.jcompose.planner.wait;

import java.util.List;

/**
 * A service's jcompose readiness check did not pass: it timed out, or a container exited. {@code
 * service "api" is not ready: http GET :8080/health answered 503 (after 1m0s)}. Carries the
 * service's last log lines, for the user to see why.
 */
public final class ServiceNotReadyException extends WaitFailure {

  private final List<String> lastLogLines;

  ServiceNotReadyException(String serviceName, String problem, List<String> lastLogLines) {
    super("service \"" + serviceName + "\" is not ready: " + problem, List.of(serviceName));
    this.lastLogLines = List.copyOf(lastLogLines);
  }

  public String serviceName() {
    return serviceNames().get(0);
  }

  /** The last lines the service's first container wrote, oldest first; empty when it wrote none. */
  public List<String> lastLogLines() {
    return lastLogLines;
  }
}
