package io.jcompose.cli.render;

import io.jcompose.planner.wait.ServiceNotReadyException;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * What follows the error line when a service's readiness check failed: the service's last log
 * lines, so the user sees why without running {@code logs}.
 */
public final class NotReadyReport {

  private NotReadyReport() {}

  /** Prints the last log lines of the not-ready service behind {@code failure}, if any. */
  public static void print(Throwable failure, PrintWriter err) {
    Optional<ServiceNotReadyException> notReady = find(failure);
    if (notReady.isEmpty() || notReady.get().lastLogLines().isEmpty()) {
      return;
    }
    err.println("last log lines of service " + notReady.get().serviceName() + ":");
    for (String line : notReady.get().lastLogLines()) {
      err.println("  " + line);
    }
  }

  /** The failure itself, or the cause that stopped a plan. */
  private static Optional<ServiceNotReadyException> find(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ServiceNotReadyException notReady) {
        return Optional.of(notReady);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }
}
