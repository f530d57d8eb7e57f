package io.jcompose.engine.runtime;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;

/**
 * Runs OCI bundles with runc under conmon. conmon keeps each container's stdio, log and exit
 * status, so containers outlive the engine; a new instance over the same {@link RuntimeLayout}
 * finds them again through {@link #recover()}. Exits reach {@link #monitor()}.
 *
 * <p>Container ids are {@code [A-Za-z0-9][A-Za-z0-9_-]*} (no dots: conmon's temporary exit files
 * are {@code <id>.XXXXXX}). Thread-safe; two operations on one container at once are the caller's
 * to prevent.
 */
public final class OciRuntime implements AutoCloseable {

  static final Pattern CONTAINER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

  /** How long conmon may take to report {@code runc create}'s result. */
  static final Duration CREATE_TIMEOUT = Duration.ofSeconds(60);

  /** How long a SIGKILLed container may take to be reported dead, and its conmon to end. */
  static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

  private final RuntimeLayout layout;
  private final Runc runc;
  private final Conmon conmon;
  private final RuncExec exec;
  private final ContainerMonitor monitor;
  private final CgroupTree cgroups;

  /**
   * Creates hold it shared, removal of an empty cgroup parent exclusively: runc mkdirs under it.
   */
  private final ReadWriteLock cgroupParents = new ReentrantReadWriteLock();

  private OciRuntime(
      RuntimeLayout layout, ThreadFactory threads, CgroupTree cgroups, Duration createTimeout) {
    this.layout = layout;
    this.runc = new Runc(layout.runc(), layout.stateRoot());
    this.conmon = new Conmon(layout, threads, createTimeout);
    this.exec = new RuncExec(runc, threads);
    this.cgroups = cgroups;
    this.monitor =
        ContainerMonitor.start(layout.exitDirectory(), layout.socketDirectory(), threads);
  }

  /**
   * Creates the state directories and starts watching for exits.
   *
   * @param threads makes the monitor's thread and short-lived threads for exec output and create
   *     timeouts; the caller owns them (they end on {@link #close()} or with their task)
   */
  public static OciRuntime open(RuntimeLayout layout, ThreadFactory threads) {
    return open(layout, threads, CREATE_TIMEOUT);
  }

  static OciRuntime open(RuntimeLayout layout, ThreadFactory threads, Duration createTimeout) {
    try {
      Files.createDirectories(layout.stateRoot());
      Files.createDirectories(layout.exitDirectory());
      Files.createDirectories(layout.socketDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the runtime's state directories", e);
    }
    return new OciRuntime(layout, threads, CgroupTree.host(), createTimeout);
  }

  public RuntimeLayout layout() {
    return layout;
  }

  /** Where exits are reported. */
  public ContainerMonitor monitor() {
    return monitor;
  }

  /**
   * Has conmon run {@code runc create} for the bundle: the container exists in state {@code
   * created}, its log file is open and its process waits for {@link #start(String)}. A stale exit
   * file of an earlier run under the same id is removed first.
   *
   * @return the container's init pid on the host
   * @throws EngineFault.InvalidArgument for a bad id, or when runc cannot find or run the command
   * @throws EngineFault.Conflict when the id is taken
   * @throws EngineFault.Internal with runc's message for other failures
   */
  public long create(String containerId, ContainerBundle bundle, Stdio stdio) {
    requireId(containerId);
    BundleConfig config =
        BundleConfig.read(bundle)
            .orElseThrow(
                () ->
                    new EngineFault.InvalidArgument(
                        "bundle " + bundle.directory() + " has no config.json"));
    if (config.terminal() != stdio.terminal()) {
      throw new EngineFault.InvalidArgument(
          "the bundle's process.terminal is "
              + config.terminal()
              + " but conmon was asked for terminal="
              + stdio.terminal());
    }
    if (Files.exists(layout.stateRoot().resolve(containerId))) {
      throw new EngineFault.Conflict("container " + containerId + " already exists in runc");
    }
    monitor.forget(containerId);
    deleteFile(bundle.exitFile());
    deleteFile(bundle.oomFile());
    cgroupParents.readLock().lock();
    try {
      return conmon.create(containerId, bundle, stdio);
    } catch (EngineFault.Conflict e) {
      throw e;
    } catch (RuntimeException e) {
      discardFailedCreate(containerId);
      throw e;
    } finally {
      cgroupParents.readLock().unlock();
    }
  }

  /**
   * Makes ahead what {@link #create} would otherwise make first (the FIFO conmon answers on), so a
   * caller can have it done while it does other work. Optional: create makes what is missing.
   */
  public void prepareCreate(ContainerBundle bundle) {
    Conmon.makeSyncFifo(bundle);
  }

  /** Runs the created container's process. */
  public void start(String containerId) {
    runc.start(containerId);
  }

  /**
   * What runc knows of the container. runc keeps a container's state in {@code
   * <stateRoot>/<containerId>} and answers "does not exist" without it, so a container whose
   * directory is absent is not asked about (one runc process less on every removal).
   */
  public Optional<RuntimeState> state(String containerId) {
    if (CONTAINER_ID.matcher(containerId).matches()
        && !Files.exists(layout.stateRoot().resolve(containerId))) {
      return Optional.empty();
    }
    return runc.state(containerId);
  }

  /** Every container under the state root. */
  public List<RuntimeState> list() {
    return runc.list();
  }

  /**
   * Sends a signal to the container's init process.
   *
   * @throws EngineFault.Conflict when it is not running
   * @throws EngineFault.NotFound when it does not exist
   */
  public void kill(String containerId, Signal signal) {
    runc.kill(containerId, signal);
  }

  /**
   * Freezes the container's processes.
   *
   * @throws EngineFault.Conflict when it is not running
   * @throws EngineFault.NotFound when it does not exist
   */
  public void pause(String containerId) {
    runc.pause(containerId);
  }

  /**
   * Thaws a paused container.
   *
   * @throws EngineFault.Conflict when it is not running
   * @throws EngineFault.NotFound when it does not exist
   */
  public void resume(String containerId) {
    runc.resume(containerId);
  }

  /**
   * Sends {@code signal} (SIGTERM, or the image's stop signal), waits up to {@code grace} for the
   * exit, then sends SIGKILL. A PID-1 shell without a handler ignores SIGTERM and ends with 137;
   * under init (tini) SIGTERM gives 143.
   *
   * @throws EngineFault.NotModified when the container is not running
   * @throws EngineFault.Internal when it outlives SIGKILL
   */
  public ContainerExit stop(String containerId, Signal signal, Duration grace)
      throws InterruptedException {
    RuntimeState state =
        runc.state(containerId)
            .orElseThrow(() -> new EngineFault.NotFound("No such container: " + containerId));
    if (!state.isAlive()) {
      throw new EngineFault.NotModified("Container " + containerId + " is not running");
    }
    signalIfRunning(containerId, signal);
    Optional<ContainerExit> exit = monitor.awaitExit(containerId, grace);
    if (exit.isPresent()) {
      return exit.get();
    }
    signalIfRunning(containerId, Signal.KILL);
    return monitor
        .awaitExit(containerId, KILL_TIMEOUT)
        .orElseThrow(
            () ->
                new EngineFault.Internal(
                    "container " + containerId + " did not exit after SIGKILL", null));
  }

  /**
   * Deletes the container from runc (which removes its cgroup), waits for its conmon to end,
   * removes conmon's socket-directory symlink and the exit file, and removes the cgroup parent when
   * no other container is in it. The bundle stays (a restart reuses it).
   *
   * @param force kill a living container first (its exit is awaited, so conmon records it)
   * @throws EngineFault.Conflict when it is alive and {@code force} is false
   * @throws EngineFault.NotFound when runc does not know it
   */
  public void delete(String containerId, boolean force) throws InterruptedException {
    RuntimeState state =
        state(containerId)
            .orElseThrow(() -> new EngineFault.NotFound("No such container: " + containerId));
    ContainerBundle bundle = new ContainerBundle(state.bundle());
    Optional<ConmonProcess> watcher =
        ConmonProcess.read(bundle).filter(process -> process.monitors(containerId));
    if (state.isAlive()) {
      if (!force) {
        throw new EngineFault.Conflict(
            "You cannot remove a running container "
                + containerId
                + ". Stop the container before attempting removal or force remove");
      }
      signalIfRunning(containerId, Signal.KILL);
      if (watcher.isPresent() && state.status() != ContainerStatus.PAUSED) {
        monitor.awaitExit(containerId, KILL_TIMEOUT);
      }
    }
    runc.delete(containerId, force);
    if (watcher.isPresent()) {
      watcher.get().awaitGone(KILL_TIMEOUT);
    }
    releaseLeftovers(containerId, bundle);
  }

  /**
   * Deletes a container whose exit {@link #monitor()} reported, as {@link #delete} does, without
   * first asking runc for its state (one runc process less on every exit): its bundle is the one
   * given, and {@code runc delete --force} still kills a process that should somehow be left.
   *
   * @throws EngineFault.NotFound when runc does not know it
   */
  public void deleteExited(String containerId, ContainerBundle bundle) throws InterruptedException {
    requireId(containerId);
    if (!Files.exists(layout.stateRoot().resolve(containerId))) {
      throw new EngineFault.NotFound("No such container: " + containerId);
    }
    Optional<ConmonProcess> watcher =
        ConmonProcess.read(bundle).filter(process -> process.monitors(containerId));
    runc.delete(containerId, true);
    if (watcher.isPresent()) {
      watcher.get().awaitGone(KILL_TIMEOUT);
    }
    releaseLeftovers(containerId, bundle);
  }

  /**
   * Deletes the container if runc still knows it (forcibly), then removes its bundle directory.
   * Anything mounted in the bundle (the rootfs overlay) must be unmounted first.
   *
   * @throws EngineFault.Conflict when something is still mounted in the bundle
   */
  public void remove(String containerId, ContainerBundle bundle) throws InterruptedException {
    requireId(containerId);
    if (state(containerId).isPresent()) {
      delete(containerId, true);
    } else {
      releaseLeftovers(containerId, bundle);
    }
    BundleRemoval.delete(bundle.directory());
  }

  /**
   * Runs a command in the running container, without a terminal, and collects its output. runc's
   * own failures become Docker's codes: 127 for a command not found, 126 for one not executable.
   *
   * @throws EngineFault.Conflict when the container is not running
   * @throws EngineFault.NotFound when it does not exist
   */
  public ExecResult exec(String containerId, ExecRequest request) throws InterruptedException {
    requireId(containerId);
    return exec.run(containerId, bundleOf(containerId), request);
  }

  /**
   * Starts a command in the running container whose stdio the caller streams, with a terminal when
   * asked ({@link ExecSession}). The request's timeout does not apply: the caller ends it.
   */
  public ExecSession startExec(
      String containerId, ExecRequest request, boolean terminal, Optional<TerminalSize> size) {
    requireId(containerId);
    return exec.start(containerId, bundleOf(containerId), request, terminal, size);
  }

  private Path bundleOf(String containerId) {
    return Files.isSymbolicLink(layout.socketDirectory().resolve(containerId))
        ? readLink(layout.socketDirectory().resolve(containerId))
        : runc.state(containerId)
            .orElseThrow(() -> new EngineFault.NotFound("No such container: " + containerId))
            .bundle();
  }

  /**
   * What an earlier engine left running, for a new one over the same layout: every container runc
   * knows, with whether its conmon still watches it (checked through {@code conmon.pid} and that
   * process's command line) or how it ended. Exits from now on reach {@link #monitor()}.
   */
  public List<RecoveredContainer> recover() {
    var found = new ArrayList<RecoveredContainer>();
    for (RuntimeState state : runc.list()) {
      String id = state.containerId();
      var bundle = new ContainerBundle(state.bundle());
      if (state.isAlive()) {
        Optional<ConmonProcess> watcher =
            ConmonProcess.read(bundle).filter(process -> process.monitors(id));
        if (watcher.isPresent()) {
          found.add(
              new RecoveredContainer.Adopted(
                  id, state.bundle(), state.status(), state.pid(), watcher.get().pid()));
        } else {
          found.add(
              new RecoveredContainer.Unmonitored(id, state.bundle(), state.status(), state.pid()));
        }
      } else {
        Optional<ContainerExit> exit = monitor.exitOf(id).or(() -> persistedExit(id, bundle));
        found.add(
            exit.<RecoveredContainer>map(e -> new RecoveredContainer.Exited(id, state.bundle(), e))
                .orElseGet(() -> new RecoveredContainer.ExitLost(id, state.bundle())));
      }
    }
    return found;
  }

  /** Stops watching for exits. Containers keep running under their conmon. */
  @Override
  public void close() {
    monitor.close();
  }

  /** What a create that failed (or was given up on) may have left: runc state, the symlink. */
  private void discardFailedCreate(String containerId) {
    if (Files.exists(layout.stateRoot().resolve(containerId))) {
      try {
        runc.delete(containerId, true);
      } catch (EngineFault e) {
        // runc removed it meanwhile, or cannot: the caller's remove() tries again
      }
    }
    deleteFile(layout.socketDirectory().resolve(containerId));
  }

  private void signalIfRunning(String containerId, Signal signal) {
    try {
      runc.kill(containerId, signal);
    } catch (EngineFault.Conflict e) {
      // it exited meanwhile; its exit file tells how
    }
  }

  private void releaseLeftovers(String containerId, ContainerBundle bundle) {
    deleteFile(layout.socketDirectory().resolve(containerId));
    monitor.forget(containerId);
    Optional<String> cgroupPath;
    try {
      cgroupPath = BundleConfig.read(bundle).flatMap(BundleConfig::cgroupsPath);
    } catch (EngineFault.InvalidArgument e) {
      cgroupPath = Optional.empty();
    }
    if (cgroupPath.isPresent()) {
      cgroupParents.writeLock().lock();
      try {
        cgroups.removeParentIfEmpty(cgroupPath.get());
      } finally {
        cgroupParents.writeLock().unlock();
      }
    }
  }

  /** The copy conmon keeps in the bundle ({@code -0}), for when the exit directory was cleared. */
  private static Optional<ContainerExit> persistedExit(String containerId, ContainerBundle bundle) {
    try {
      String text = Files.readString(bundle.exitFile(), StandardCharsets.US_ASCII).strip();
      return Optional.of(
          new ContainerExit(
              containerId,
              Integer.parseInt(text),
              Files.getLastModifiedTime(bundle.exitFile()).toInstant(),
              Files.exists(bundle.oomFile())));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Path readLink(Path link) {
    try {
      return Files.readSymbolicLink(link);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read " + link, e);
    }
  }

  private static void deleteFile(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot remove " + file + ": " + e.getMessage(), e);
    }
  }

  private static void requireId(String containerId) {
    if (!CONTAINER_ID.matcher(containerId).matches()) {
      throw new EngineFault.InvalidArgument(
          "invalid container id \"" + containerId + "\": use letters, digits, _ and -");
    }
  }
}
