package io.jcompose.planner.wait;

/**
 * Hears what a wait saw at each poll that found the service not ready yet, and when a service it
 * heard about became ready.
 */
@FunctionalInterface
public interface WaitListener {

  WaitListener IGNORE = (serviceName, state) -> {};

  /**
   * @param serviceName the service waited for
   * @param state its containers as the poll saw them: {@code container demo-db-1 is running,
   *     health: starting}
   */
  void waiting(String serviceName, String state);

  /** The service {@link #waiting} told about is ready now. */
  default void ready(String serviceName) {}
}
