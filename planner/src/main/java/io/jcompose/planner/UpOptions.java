package io.jcompose.planner;

import io.jcompose.planner.reconcile.ReconcileOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code up}: what to reconcile, and whether to wait for the services afterwards.
 *
 * @param waitForServices {@code --wait}: return only once every service runs (healthy when it has a
 *     healthcheck, exited 0 when it is a one-shot dependency)
 * @param waitTimeout {@code --wait-timeout}: the longest any wait (dependency or {@code --wait})
 *     may take; empty for no limit
 */
public record UpOptions(
    ReconcileOptions reconcile, boolean waitForServices, Optional<Duration> waitTimeout) {

  public UpOptions {
    Objects.requireNonNull(reconcile, "reconcile");
    Objects.requireNonNull(waitTimeout, "waitTimeout");
  }

  public static UpOptions defaults() {
    return new UpOptions(ReconcileOptions.defaults(), false, Optional.empty());
  }

  public UpOptions withReconcile(ReconcileOptions newReconcile) {
    return new UpOptions(newReconcile, waitForServices, waitTimeout);
  }

  public UpOptions withWait(boolean wait, Optional<Duration> timeout) {
    return new UpOptions(reconcile, wait, timeout);
  }
}
