package io.jcompose.planner.wait;

import java.util.List;

/**
 * A wait that ended without its services ready. The message names the services waited for (the
 * dependency, not the dependent).
 */
public abstract sealed class WaitFailure extends RuntimeException
    permits ServiceFailedException, ServiceNotReadyException, WaitTimeoutException {

  private final List<String> serviceNames;

  WaitFailure(String message, List<String> serviceNames) {
    super(message);
    this.serviceNames = List.copyOf(serviceNames);
  }

  /** The services that were not ready, by name. */
  public List<String> serviceNames() {
    return serviceNames;
  }
}
