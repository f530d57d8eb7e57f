package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.logs.ContainerLog;
import io.jcompose.engine.network.Endpoint;
import io.jcompose.engine.network.Network;
import io.jcompose.engine.runtime.ContainerExit;
import io.jcompose.engine.runtime.Signal;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The engine's containers: create, start, stop, kill, restart, wait for, remove and rename them,
 * describe them, and read their output. Operations on one container are serialized by its lock;
 * long waits (a stop's grace period) happen outside it. Exits come from the runtime's monitor.
 *
 * <p>Open it once the image store, volumes, runtime and networks are open: it reconciles the
 * records with what survived an earlier engine (see {@link StartupReconciler}). {@link #close()}
 * stops listening for exits; the containers keep running under their conmon.
 */
public final class ContainerService implements NetworkAttachments, AutoCloseable {

  /** How long a SIGKILLed container may take to be reported gone. */
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

  /** How often a kill that seems unanswered checks runc for a process that is gone. */
  private static final Duration KILL_POLL = Duration.ofMillis(500);

  private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ContainerEvents events;
  private final ContainerFactory factory;
  private final ContainerLauncher launcher;
  private final ContainerTeardown teardown;
  private final ExitHandling exits;
  private final Consumer<ContainerExit> exitListener;

  private ContainerService(ContainerRegistry registry, ContainerSubsystems parts) {
    this.parts = parts;
    this.registry = registry;
    this.events = new ContainerEvents(parts.events());
    this.factory = new ContainerFactory(parts, registry, events);
    this.launcher = new ContainerLauncher(parts, registry, events);
    this.teardown = new ContainerTeardown(parts, registry, events);
    this.exits = new ExitHandling(parts, registry, events, teardown, launcher);
    this.exitListener = exits::onExit;
  }

  /**
   * Starts listening for exits, then reconciles the records with the runtime, the mounts and the
   * networks, and starts the containers whose restart policy says so.
   */
  public static ContainerService open(ContainerRegistry registry, ContainerSubsystems parts) {
    var service = new ContainerService(registry, parts);
    parts.runtime().monitor().addListener(service.exitListener);
    new StartupReconciler(parts, registry, service.exits, service.teardown).reconcile();
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
    } finally {
      entry.lock().unlock();
    }
  }

  /**
   * Sends the stop signal ({@code signal}, the container's {@code StopSignal}, or SIGTERM), waits
   * up to {@code timeout} (the container's {@code StopTimeout}, or 10 s; negative waits for ever),
   * then SIGKILL. Returns once the exit is handled.
   *
   * @throws EngineFault.NotModified when it is not running
   */
  public void stop(String reference, OptionalLong timeoutSeconds, Optional<String> signal)
      throws InterruptedException {
    ContainerEntry entry = registry.resolve(reference);
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
    signal(container, stopSignal);
    if (!awaitEnd(runEnd, grace)) {
      signal(container, Signal.KILL);
      awaitKilled(entry, runEnd);
    }
    events.publish(entry.current(), "stop");
  }

  /**
   * Sends a signal (SIGKILL by default) to the container's process.
   *
   * @throws EngineFault.Conflict when it is not running
   * @throws EngineFault.InvalidArgument for a signal that is not one
   */
  public void kill(String reference, Optional<String> signal) {
    ContainerEntry entry = registry.resolve(reference);
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
      events.publish(container, "kill", ContainerLauncher.signalAttribute(chosen.number()));
    } finally {
      entry.lock().unlock();
    }
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
    CompletableFuture<Void> runEnd = null;
    entry.lock().lock();
    try {
      Container container = entry.current();
      if (container.isRunning() || container.state().status() == ContainerState.Status.RESTARTING) {
        if (!force) {
          throw new EngineFault.Conflict(
              "You cannot remove a "
                  + (container.isRunning() ? "running" : "restarting")
                  + " container "
                  + container.id()
                  + ". Stop the container before attempting removal or force remove");
        }
        registry.save(entry, container.withState(state -> state.withManuallyStopped(true)));
        if (container.isRunning()) {
          runEnd = entry.runEnd();
          signal(container, Signal.KILL);
        } else {
          registry.save(
              entry,
              entry.current().withState(state -> state.withStatus(ContainerState.Status.EXITED)));
        }
      }
    } finally {
      entry.lock().unlock();
    }
    if (runEnd != null) {
      awaitKilled(entry, runEnd);
    }
    entry.lock().lock();
    try {
      if (entry.isRemoved()) {
        return;
      }
      teardown.remove(entry, volumes);
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
    return view(registry.resolve(reference).current(), size);
  }

  /** Every container, newest first. */
  public List<ContainerView> list(boolean size) {
    return registry.all().stream().map(container -> view(container, size)).toList();
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

  private ContainerView view(Container container, boolean size) {
    String id = container.id();
    List<Endpoint> endpoints = parts.networks().endpointsOf(id);
    var networks = new HashMap<String, Network>();
    for (NetworkAttachment attachment : container.networks()) {
      try {
        Network network = parts.networks().inspect(attachment.networkId());
        networks.put(network.id(), network);
      } catch (EngineFault.NotFound e) {
        // removed since; inspect leaves it out
      }
    }
    OptionalLong sizeRw = OptionalLong.empty();
    OptionalLong sizeRootFs = OptionalLong.empty();
    if (size) {
      long upper = sizeOf(parts.directoryOf(id).path().resolve("upper"));
      sizeRw = OptionalLong.of(upper);
      long image =
          parts.images().find(container.imageId().toString()).map(each -> each.size()).orElse(0L);
      sizeRootFs = OptionalLong.of(upper + image);
    }
    return new ContainerView(
        container,
        endpoints,
        container.isRunning() ? parts.networks().published(id) : List.of(),
        networks,
        parts.networks().namespacePath(id),
        parts.directoryOf(id).path(),
        sizeRw,
        sizeRootFs);
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

  private void signal(Container container, Signal signal) {
    events.publish(container, "kill", ContainerLauncher.signalAttribute(signal.number()));
    try {
      parts.runtime().kill(container.id(), signal);
    } catch (EngineFault.Conflict | EngineFault.NotFound e) {
      // it ended meanwhile; its exit is being handled
    }
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

  private static long sizeOf(Path root) {
    long[] total = {0};
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
              total[0] += attributes.size();
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      return total[0];
    }
    return total[0];
  }
}
