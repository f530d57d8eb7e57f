package io.jcompose.engine.container;

import io.jcompose.engine.runtime.ContainerExit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What happens when a container's process ends: its state becomes {@code exited} (or {@code
 * restarting}) with the exit code, {@code die} is published, what the run held is released, waiters
 * and followers are told (in dockerd's order), and then it is removed ({@code AutoRemove}) or
 * started again after a delay (its restart policy).
 */
final class ExitHandling {

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ContainerEvents events;
  private final ContainerTeardown teardown;
  private final ContainerLauncher launcher;

  ExitHandling(
      ContainerSubsystems parts,
      ContainerRegistry registry,
      ContainerEvents events,
      ContainerTeardown teardown,
      ContainerLauncher launcher) {
    this.parts = parts;
    this.registry = registry;
    this.events = events;
    this.teardown = teardown;
    this.launcher = launcher;
  }

  /** From the runtime's monitor (its thread must not block): handled on the task pool. */
  void onExit(ContainerExit exit) {
    parts
        .tasks()
        .execute(
            () -> {
              try {
                handle(exit.containerId(), exit.exitCode(), exit.finishedAt(), exit.oomKilled());
              } catch (RuntimeException e) {
                recordFailure(exit.containerId(), e);
              }
            });
  }

  /** A failure no client will see is kept in the container's {@code State.Error}. */
  private void recordFailure(String containerId, RuntimeException failure) {
    registry
        .byId(containerId)
        .filter(entry -> !entry.isRemoved())
        .ifPresent(
            entry ->
                registry.save(
                    entry,
                    entry
                        .current()
                        .withState(state -> state.failed(ContainerLauncher.messageOf(failure)))));
  }

  /**
   * Handles the end of the container's current run; an exit of a container not running is ignored.
   */
  void handle(String containerId, int exitCode, Instant finishedAt, boolean oomKilled) {
    Optional<ContainerEntry> found = registry.byId(containerId);
    if (found.isEmpty()) {
      return;
    }
    ContainerEntry entry = found.get();
    entry.lock().lock();
    try {
      Container running = entry.current();
      if (!running.isRunning()) {
        return;
      }
      boolean restart = RestartDecision.restarts(running, exitCode);
      Container exited =
          running.withState(state -> state.exited(exitCode, finishedAt, oomKilled, restart));
      registry.save(entry, exited);
      events.publish(exited, "die", Map.of("exitCode", Integer.toString(exitCode)));
      List<String> problems = teardown.releaseRun(exited, true);
      if (!problems.isEmpty()) {
        exited = exited.withState(state -> state.failed(String.join("; ", problems)));
        registry.save(entry, exited);
      }
      entry.runEnded(exitCode);
      if (exited.host().autoRemove() && !restart) {
        teardown.remove(entry, true);
      } else if (restart) {
        Duration lastRun =
            Duration.between(running.state().startedAt().orElse(finishedAt), finishedAt);
        scheduleRestart(entry, RestartDecision.delay(running.state().restartCount(), lastRun));
      }
    } finally {
      entry.lock().unlock();
    }
  }

  private void scheduleRestart(ContainerEntry entry, Duration delay) {
    parts.tasks().schedule(() -> restart(entry), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void restart(ContainerEntry entry) {
    entry.lock().lock();
    try {
      if (entry.isRemoved()
          || entry.current().state().status() != ContainerState.Status.RESTARTING) {
        return;
      }
      launcher.start(entry, true);
    } catch (RuntimeException e) {
      // the failure is recorded in the container's State.Error by the launcher
    } finally {
      entry.lock().unlock();
    }
  }
}
