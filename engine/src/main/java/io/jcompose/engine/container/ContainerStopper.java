package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.runtime.ContainerExit;
import io.jcompose.engine.runtime.Signal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Signals containers: stop (the stop signal, a grace period, then SIGKILL), kill, and the SIGKILL
 * of a forced removal. Each marks the container as stopped by a client, so no restart policy starts
 * it again, and waits outside the container's lock, so its exit can be handled meanwhile.
 */
final class ContainerStopper {

  /** How long a SIGKILLed container may take to be reported gone. */
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

  /** How often a kill that seems unanswered checks runc for a process that is gone. */
  private static final Duration KILL_POLL = Duration.ofMillis(500);

  private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ContainerEvents events;
  private final ExitHandling exits;
  private final ContainerPauser pauser;

  ContainerStopper(
      ContainerSubsystems parts,
      ContainerRegistry registry,
      ContainerEvents events,
      ExitHandling exits,
      ContainerPauser pauser) {
    this.parts = parts;
    this.registry = registry;
    this.events = events;
    this.exits = exits;
    this.pauser = pauser;
  }

  /**
   * Sends the stop signal ({@code signal}, the container's {@code StopSignal}, or SIGTERM), waits
   * up to the timeout (the container's {@code StopTimeout}, or 10 s; negative waits for ever), then
   * SIGKILL. Returns once the exit is handled. A restarting container just stays stopped.
   *
   * @throws EngineFault.NotModified when it is not running
   */
  void stop(ContainerEntry entry, OptionalLong timeoutSeconds, Optional<String> signal)
      throws InterruptedException {
    CompletableFuture<Void> runEnd;
    Container container;
    entry.lock().lock();
    try {
      container = entry.current();
      if (container.state().status() == ContainerState.Status.RESTARTING) {
        registry.save(
            entry,
            container.withState(
                state -> state.withStatus(ContainerState.Status.EXITED).withManuallyStopped(true)));
        events.publish(container, "stop");
        return;
      }
      if (!container.isRunning()) {
        throw new EngineFault.NotModified("Container " + container.id() + " is not running");
      }
      container = container.withState(state -> state.withManuallyStopped(true));
      registry.save(entry, container);
      runEnd = entry.runEnd();
    } finally {
      entry.lock().unlock();
    }
    Signal stopSignal = stopSignal(container, signal);
    Optional<Duration> grace = grace(container, timeoutSeconds);
    signal(entry, container, stopSignal);
    if (!awaitEnd(runEnd, grace)) {
      signal(entry, entry.current(), Signal.KILL);
      awaitKilled(entry, runEnd);
    }
    events.publish(entry.current(), "stop");
  }

  /**
   * Sends a signal (SIGKILL by default) to the container's process.
   *
   * @param reference as the client named it, for dockerd's message
   * @throws EngineFault.Conflict when it is not running
   * @throws EngineFault.InvalidArgument for a signal that is not one
   */
  void kill(ContainerEntry entry, String reference, Optional<String> signal) {
    Signal chosen = signal.filter(text -> !text.isBlank()).map(Signal::parse).orElse(Signal.KILL);
    entry.lock().lock();
    try {
      Container container = entry.current();
      if (!container.isRunning()) {
        throw notRunning(reference, container);
      }
      registry.save(entry, container.withState(state -> state.withManuallyStopped(true)));
      try {
        parts.runtime().kill(container.id(), chosen);
      } catch (EngineFault.Conflict | EngineFault.NotFound e) {
        throw notRunning(reference, container);
      }
      pauser.thawAfterSignal(entry, container);
      events.publish(container, "kill", Map.of("signal", Integer.toString(chosen.number())));
    } finally {
      entry.lock().unlock();
    }
  }

  /**
   * Makes a container removable: a running one is SIGKILLed (with {@code force}) and its exit
   * handled, a restarting one stays stopped.
   *
   * @throws EngineFault.Conflict when it runs or restarts and {@code force} is false
   */
  void haltForRemoval(ContainerEntry entry, boolean force) throws InterruptedException {
    CompletableFuture<Void> runEnd = null;
    entry.lock().lock();
    try {
      Container container = entry.current();
      boolean restarting = container.state().status() == ContainerState.Status.RESTARTING;
      if (!container.isRunning() && !restarting) {
        return;
      }
      if (!force) {
        throw new EngineFault.Conflict(
            "You cannot remove a "
                + (restarting ? "restarting" : "running")
                + " container "
                + container.id()
                + ". Stop the container before attempting removal or force remove");
      }
      Container stopped = container.withState(state -> state.withManuallyStopped(true));
      if (restarting) {
        stopped = stopped.withState(state -> state.withStatus(ContainerState.Status.EXITED));
      }
      registry.save(entry, stopped);
      if (!restarting) {
        runEnd = entry.runEnd();
        signal(entry, stopped, Signal.KILL);
      }
    } finally {
      entry.lock().unlock();
    }
    if (runEnd != null) {
      awaitKilled(entry, runEnd);
    }
  }

  /**
   * Waits for a SIGKILLed container's exit to be handled. When runc says the process is gone but no
   * exit arrives (its conmon died, so none will be written), the exit is handled here, with the
   * code conmon recorded if any, else 137.
   *
   * @throws EngineFault.Internal when the process outlives SIGKILL
   */
  private void awaitKilled(ContainerEntry entry, CompletableFuture<Void> runEnd)
      throws InterruptedException {
    String id = entry.id();
    for (long waited = 0; waited < KILL_TIMEOUT.toMillis(); waited += KILL_POLL.toMillis()) {
      if (awaitEnd(runEnd, Optional.of(KILL_POLL))) {
        return;
      }
      boolean alive = parts.runtime().state(id).map(state -> state.isAlive()).orElse(false);
      if (!alive) {
        Optional<ContainerExit> recorded = parts.runtime().monitor().exitOf(id);
        exits.handle(
            id,
            recorded.map(ContainerExit::exitCode).orElse(StartupReconciler.KILLED_EXIT_CODE),
            recorded.map(ContainerExit::finishedAt).orElse(parts.clock().instant()),
            recorded.map(ContainerExit::oomKilled).orElse(false));
        return;
      }
    }
    throw new EngineFault.Internal("container " + id + " did not exit after SIGKILL", null);
  }

  private void signal(ContainerEntry entry, Container container, Signal signal) {
    events.publish(container, "kill", Map.of("signal", Integer.toString(signal.number())));
    try {
      parts.runtime().kill(container.id(), signal);
    } catch (EngineFault.Conflict | EngineFault.NotFound e) {
      // it ended meanwhile; its exit is being handled
    }
    pauser.thawAfterSignal(entry, container);
  }

  private static EngineFault notRunning(String reference, Container container) {
    return new EngineFault.Conflict(
        "Cannot kill container: "
            + reference
            + ": Container "
            + container.id()
            + " is not running");
  }

  private static Signal stopSignal(Container container, Optional<String> signal) {
    Optional<String> given = signal.filter(text -> !text.isBlank());
    if (given.isPresent()) {
      return Signal.parse(given.get());
    }
    String configured = container.config().stopSignal();
    return configured.isEmpty() ? Signal.TERM : Signal.parse(configured);
  }

  /** Empty: wait for ever. */
  private static Optional<Duration> grace(Container container, OptionalLong timeoutSeconds) {
    if (timeoutSeconds.isPresent()) {
      long seconds = timeoutSeconds.getAsLong();
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }
    int configured = container.config().stopTimeout();
    return Optional.of(configured >= 0 ? Duration.ofSeconds(configured) : DEFAULT_STOP_TIMEOUT);
  }

  /** Whether the run ended (and its exit was handled) within {@code timeout}. */
  private static boolean awaitEnd(CompletableFuture<Void> runEnd, Optional<Duration> timeout)
      throws InterruptedException {
    try {
      if (timeout.isEmpty()) {
        runEnd.get();
      } else {
        runEnd.get(timeout.get().toNanos(), TimeUnit.NANOSECONDS);
      }
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run's end never fails", e.getCause());
    }
  }
}
