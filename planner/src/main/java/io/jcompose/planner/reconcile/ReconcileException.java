package io.jcompose.planner.reconcile;

/**
 * The project cannot be brought to the wanted state as it stands: an external network that does not
 * exist, an image that may not be pulled. The message says what and how to fix it.
 */
public final class ReconcileException extends RuntimeException {

  public ReconcileException(String message) {
    super(message);
  }
}
