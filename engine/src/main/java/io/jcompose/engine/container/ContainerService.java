package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.logs.ContainerLog;
import io.jcompose.engine.runtime.ContainerExit;
import io.jcompose.engine.runtime.ExecResult;
import io.jcompose.engine.runtime.ExecSession;
import io.jcompose.engine.runtime.TerminalSize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The engine's containers: create, start, stop, kill, restart, wait for, remove and rename them,
 * describe them, read their output, run execs in them, and move them between networks (the {@code
 * /networks} routes' {@link NetworkAttachments}). Operations on one container are serialized by its
 * lock; long waits (a stop's grace period) happen outside it. Exits come from the runtime's
 * monitor; healthchecks run while a container runs.
 *
 * <p>Open it once the image store, volumes, runtime and networks are open: it reconciles the
 * records with what survived an earlier engine (see {@link StartupReconciler}). {@link #close()}
 * stops listening for exits; the containers keep running under their conmon.
 */
public final class ContainerService implements NetworkAttachments, AutoCloseable {

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ContainerEvents events;
  private final ContainerFactory factory;
  private final HealthMonitor health;
  private final ContainerLauncher launcher;
  private final ContainerTeardown teardown;
  private final ExitHandling exits;
  private final ContainerStopper stopper;
  private final ContainerViews views;
  private final ContainerExecs execs;
  private final ContainerPauser pauser;
  private final Consumer<ContainerExit> exitListener;

  private ContainerService(ContainerRegistry registry, ContainerSubsystems parts) {
    this.parts = parts;
    this.registry = registry;
    this.events = new ContainerEvents(parts.events());
    this.factory = new ContainerFactory(parts, registry, events);
    this.health = new HealthMonitor(parts, events);
    this.launcher = new ContainerLauncher(parts, registry, events, health);
    this.teardown = new ContainerTeardown(parts, registry, events, health);
    this.exits = new ExitHandling(parts, registry, events, teardown, launcher);
    this.pauser = new ContainerPauser(parts, registry, events);
    this.stopper = new ContainerStopper(parts, registry, events, exits, pauser);
    this.views = new ContainerViews(parts, health);
    this.execs = new ContainerExecs(parts, registry, events);
    this.exitListener = exits::onExit;
  }

  /**
   * Starts listening for exits, then reconciles the records with the runtime, the mounts and the
   * networks, and starts the containers whose restart policy says so.
   */
  public static ContainerService open(ContainerRegistry registry, ContainerSubsystems parts) {
    var service = new ContainerService(registry, parts);
    parts.runtime().monitor().addListener(service.exitListener);
    new StartupReconciler(parts, registry, service.exits, service.teardown, service.health)
        .reconcile();
    for (ContainerEntry entry : registry.entries()) {
      Container container = entry.current();
      if (!container.isRunning() && RestartDecision.startsWithEngine(container)) {
        parts.tasks().execute(() -> service.startQuietly(entry));
      }
    }
    return service;
  }

  public ContainerRegistry registry() {
    return registry;
  }

  /**
   * @see ContainerFactory#create
   */
  public Container create(CreateRequest request) {
    return factory.create(request);
  }

  /**
   * @throws EngineFault.NotFound for an unknown container
   * @throws EngineFault.NotModified when it runs already
   */
  public void start(String reference) {
    ContainerEntry entry = registry.resolve(reference);
    entry.lock().lock();
    try {
      launcher.start(entry, false);
    } catch (EngineFault.NotModified | EngineFault.Conflict e) {
      throw e;
    } catch (RuntimeException e) {
      // as dockerd: an AutoRemove container whose start failed goes (docker run --rm waits for it)
      if (entry.current().host().autoRemove() && !entry.isRemoved()) {
        try {
          teardown.remove(entry, true);
        } catch (RuntimeException removal) {
          e.addSuppressed(removal);
        }
      }
      throw e;
    } finally {
      entry.lock().unlock();
    }
  }

  /**
   * Sends the stop signal ({@code signal}, the container's {@code StopSignal}, or SIGTERM), waits
   * up to {@code timeoutSeconds} (the container's {@code StopTimeout}, or 10 s; negative waits for
   * ever), then SIGKILL. Returns once the exit is handled.
   *
   * @throws EngineFault.NotModified when it is not running
   */
  public void stop(String reference, OptionalLong timeoutSeconds, Optional<String> signal)
      throws InterruptedException {
    stopper.stop(registry.resolve(reference), timeoutSeconds, signal);
  }

  /**
   * Sends a signal (SIGKILL by default) to the container's process.
   *
   * @throws EngineFault.Conflict when it is not running
   * @throws EngineFault.InvalidArgument for a signal that is not one
   */
  public void kill(String reference, Optional<String> signal) {
    stopper.kill(registry.resolve(reference), reference, signal);
  }

  /**
   * Freezes a running container's processes.
   *
   * @throws EngineFault.Conflict when it is not running or paused already
   */
  public void pause(String reference) {
    pauser.pause(registry.resolve(reference));
  }

  /**
   * Thaws a paused container.
   *
   * @throws EngineFault.Conflict when it is not paused
   */
  public void unpause(String reference) {
    pauser.unpause(registry.resolve(reference));
  }

  /** What the routes beyond create/start/stop (top, stats, archive, prune) work on. */
  ContainerSubsystems parts() {
    return parts;
  }

  ContainerEvents events() {
    return events;
  }

  /** Stops the container if it runs, then starts it. */
  public void restart(String reference, OptionalLong timeoutSeconds, Optional<String> signal)
      throws InterruptedException {
    try {
      stop(reference, timeoutSeconds, signal);
    } catch (EngineFault.NotModified e) {
      // it was not running: restart starts it
    }
    ContainerEntry entry = registry.resolve(reference);
    entry.lock().lock();
    try {
      launcher.start(entry, false);
      events.publish(entry.current(), "restart");
    } finally {
      entry.lock().unlock();
    }
  }

  /**
   * Completes with the exit code once {@code condition} holds; cancel it to stop waiting.
   *
   * @throws EngineFault.NotFound for an unknown container (checked now, not when it completes)
   */
  public CompletableFuture<Integer> await(String reference, WaitCondition condition) {
    return registry.resolve(reference).await(condition);
  }

  /**
   * Removes a container; with {@code force} a running one is killed first, with {@code volumes} its
   * anonymous volumes go too.
   *
   * @throws EngineFault.Conflict when it runs and {@code force} is false
   */
  public void remove(String reference, boolean force, boolean volumes) throws InterruptedException {
    ContainerEntry entry = registry.resolve(reference);
    stopper.haltForRemoval(entry, force);
    entry.lock().lock();
    try {
      if (!entry.isRemoved()) {
        teardown.remove(entry, volumes);
      }
    } finally {
      entry.lock().unlock();
    }
  }

  /**
   * @throws EngineFault.Conflict when the name is taken
   * @throws EngineFault.InvalidArgument for a malformed name or the current one
   */
  public void rename(String reference, String newName) {
    ContainerEntry entry = registry.resolve(reference);
    String name = ContainerNames.checked(newName);
    entry.lock().lock();
    try {
      Container container = entry.current();
      if (container.name().equals(name)) {
        throw new EngineFault.InvalidArgument(
            "Renaming a container with the same name as its current name");
      }
      registry.rename(entry, name);
      events.publish(entry.current(), "rename", Map.of("oldName", "/" + container.name()));
    } finally {
      entry.lock().unlock();
    }
  }

  /**
   * @throws EngineFault.NotFound for an unknown container
   */
  public ContainerView inspect(String reference, boolean size) {
    return views.of(registry.resolve(reference).current(), size);
  }

  /** Every container, newest first. */
  public List<ContainerView> list(boolean size) {
    return registry.all().stream().map(container -> views.of(container, size)).toList();
  }

  /** The image id a reference names now, if any (for list's {@code ancestor} filter). */
  public Optional<String> imageIdOf(String reference) {
    return parts.images().find(reference).map(image -> image.id().toString());
  }

  /**
   * Where a container's output is, and when following it ends.
   *
   * @throws EngineFault.NotFound for an unknown container
   */
  public LogTarget logs(String reference) {
    ContainerEntry entry = registry.resolve(reference);
    Container container = entry.current();
    return new LogTarget(
        container.id(),
        new ContainerLog(parts.directoryOf(container.id()).logFile()),
        container.config().stdio().tty(),
        container.isRunning(),
        entry.runEnd());
  }

  /** Publishes the {@code attach} event of a client attaching. */
  public void attached(String containerId) {
    registry.byId(containerId).ifPresent(entry -> events.publish(entry.current(), "attach"));
  }

  /**
   * Makes an exec instance in a running container.
   *
   * @return its id
   * @throws EngineFault.Conflict when the container is not running
   */
  String createExec(String containerReference, ContainerExecs.ExecSpec spec) {
    return execs.create(containerReference, spec);
  }

  /**
   * Marks an exec as started, so a second start is refused at once.
   *
   * @throws EngineFault.NotFound {@code No such exec instance: x}
   * @throws EngineFault.Conflict when it ran already or its container stopped
   */
  ContainerExecs.ExecView claimExec(String execId) {
    return execs.claim(execId);
  }

  /** Runs a claimed exec and returns what it printed; interrupting the caller kills it. */
  ExecResult runExec(ContainerExecs.ExecView exec) throws InterruptedException {
    return execs.run(exec);
  }

  /** Runs a claimed exec on a thread of its own; its output is dropped. */
  void runExecDetached(ContainerExecs.ExecView exec) {
    parts
        .threads()
        .newThread(
            () -> {
              try {
                execs.run(exec);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                // the exec's exit code (126) tells it failed
              }
            })
        .start();
  }

  /**
   * Starts a claimed exec whose stdio the caller streams; report its end with {@link #execEnded}.
   */
  ExecSession startExec(ContainerExecs.ExecView exec, Optional<TerminalSize> size) {
    return execs.start(exec, size);
  }

  void execEnded(ContainerExecs.ExecView exec, int exitCode) {
    execs.ended(exec, exitCode);
  }

  Optional<ExecSession> execSession(String execId) {
    return execs.session(execId);
  }

  ContainerExecs.ExecView inspectExec(String execId) {
    return execs.inspect(execId);
  }

  @Override
  public void connect(
      String networkIdOrName,
      String containerIdOrName,
      List<String> aliases,
      Optional<String> ipv4Address) {
    new ContainerNetworking(parts, registry, events)
        .connect(networkIdOrName, containerIdOrName, aliases, ipv4Address);
  }

  @Override
  public void disconnect(String networkIdOrName, String containerIdOrName, boolean force) {
    new ContainerNetworking(parts, registry, events)
        .disconnect(networkIdOrName, containerIdOrName, force);
  }

  /** Stops listening for exits; the containers keep running. */
  @Override
  public void close() {
    parts.runtime().monitor().removeListener(exitListener);
  }

  private void startQuietly(ContainerEntry entry) {
    entry.lock().lock();
    try {
      if (!entry.isRemoved() && !entry.current().isRunning()) {
        launcher.start(entry, true);
      }
    } catch (RuntimeException e) {
      // recorded in State.Error by the launcher
    } finally {
      entry.lock().unlock();
    }
  }

  /** Whether the run ended (and its exit was handled) within {@code timeout}. */
}
