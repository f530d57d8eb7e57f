package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.runtime.ContainerStatus;

/**
 * Pause and unpause ({@code runc pause}/{@code resume}, the cgroup freezer): a paused container
 * keeps its processes, reports {@code State.Paused} and {@code Up ... (Paused)}, and refuses execs.
 * Signals to a paused container are followed by a thaw ({@link #thawAfterSignal}), so stop, kill
 * and forced removal work on it as in dockerd.
 */
final class ContainerPauser {

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ContainerEvents events;

  ContainerPauser(ContainerSubsystems parts, ContainerRegistry registry, ContainerEvents events) {
    this.parts = parts;
    this.registry = registry;
    this.events = events;
  }

  /**
   * @throws EngineFault.Conflict when it is not running, or paused already
   */
  void pause(ContainerEntry entry) {
    entry.lock().lock();
    try {
      Container container = entry.current();
      ContainerState.Status status = container.state().status();
      if (status == ContainerState.Status.PAUSED) {
        throw new EngineFault.Conflict("Container " + container.id() + " is already paused");
      }
      if (status != ContainerState.Status.RUNNING) {
        throw new EngineFault.Conflict("Container " + container.id() + " is not running");
      }
      parts.runtime().pause(container.id());
      registry.save(
          entry, container.withState(state -> state.withStatus(ContainerState.Status.PAUSED)));
      events.publish(entry.current(), "pause");
    } finally {
      entry.lock().unlock();
    }
  }

  /**
   * @throws EngineFault.Conflict when it is not paused
   */
  void unpause(ContainerEntry entry) {
    entry.lock().lock();
    try {
      Container container = entry.current();
      if (container.state().status() != ContainerState.Status.PAUSED) {
        throw new EngineFault.Conflict("Container " + container.id() + " is not paused");
      }
      parts.runtime().resume(container.id());
      registry.save(
          entry, container.withState(state -> state.withStatus(ContainerState.Status.RUNNING)));
      events.publish(entry.current(), "unpause");
    } finally {
      entry.lock().unlock();
    }
  }

  /**
   * A signal was just sent to {@code container}: if it was paused, its processes are thawed so the
   * signal is delivered (the v1 freezer holds even SIGKILL back), and it counts as running again.
   */
  void thawAfterSignal(ContainerEntry entry, Container container) {
    if (container.state().status() != ContainerState.Status.PAUSED) {
      return;
    }
    boolean frozen =
        parts
            .runtime()
            .state(container.id())
            .map(state -> state.status() == ContainerStatus.PAUSED)
            .orElse(false);
    if (frozen) {
      // runc thaws a frozen container itself for SIGKILL only
      try {
        parts.runtime().resume(container.id());
      } catch (EngineFault e) {
        // it ended meanwhile
      }
    }
    entry.lock().lock();
    try {
      Container now = entry.current();
      if (now.state().status() == ContainerState.Status.PAUSED) {
        registry.save(
            entry, now.withState(state -> state.withStatus(ContainerState.Status.RUNNING)));
      }
    } finally {
      entry.lock().unlock();
    }
  }
}
