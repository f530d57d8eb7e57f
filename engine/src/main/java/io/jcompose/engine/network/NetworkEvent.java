package io.jcompose.engine.network;

/** What the networks tell the engine's event sink; they never print. */
public sealed interface NetworkEvent {

  /**
   * Start-up clean-up removed something of the engine's that belonged to nothing.
   *
   * @param kind {@code bridge}, {@code veth}, {@code netns}, {@code rules}, {@code chains} or
   *     {@code record}
   */
  record LeftoverRemoved(String kind, String name) implements NetworkEvent {}

  /** A network works without its DNS server: containers on it cannot resolve names. */
  record NameServerUnavailable(String networkName, String reason) implements NetworkEvent {}

  /** A published port of a surviving container could not be bound again after a restart. */
  record PortNotRestored(String containerId, PortBinding binding, String reason)
      implements NetworkEvent {}
}
