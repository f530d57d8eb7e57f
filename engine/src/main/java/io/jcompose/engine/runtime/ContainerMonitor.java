package io.jcompose.engine.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Watches conmon's exit directory and reports each container's exit once: to listeners, and to
 * whoever awaits that container. conmon writes {@code <id>.XXXXXX} and renames it to {@code <id>},
 * so only names that are container ids (which never contain a dot) are acted on, and the file is
 * read after the event for its final name.
 *
 * <p>The monitor belongs to an {@link OciRuntime} and lives as long as it does. Listeners run on
 * the monitor's own thread, one exit at a time; they must not block. An exception a listener throws
 * goes to that thread's uncaught-exception handler and the next listener still runs.
 */
public final class ContainerMonitor {

  private final Path exitDirectory;
  private final Path socketDirectory;
  private final WatchService watcher;
  private final Thread loop;
  private final List<Consumer<ContainerExit>> listeners = new CopyOnWriteArrayList<>();
  private final ConcurrentMap<String, CompletableFuture<ContainerExit>> awaited =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, FileTime> delivered = new ConcurrentHashMap<>();

  private ContainerMonitor(
      Path exitDirectory, Path socketDirectory, WatchService watcher, ThreadFactory threads) {
    this.exitDirectory = exitDirectory;
    this.socketDirectory = socketDirectory;
    this.watcher = watcher;
    this.loop = threads.newThread(this::watch);
  }

  /**
   * Starts watching. Exit files already present count as delivered: they belong to containers that
   * exited before, which {@link OciRuntime#recover()} reports.
   */
  static ContainerMonitor start(Path exitDirectory, Path socketDirectory, ThreadFactory threads) {
    ContainerMonitor monitor;
    try {
      Files.createDirectories(exitDirectory);
      WatchService watcher = exitDirectory.getFileSystem().newWatchService();
      exitDirectory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
      monitor = new ContainerMonitor(exitDirectory, socketDirectory, watcher, threads);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + exitDirectory, e);
    }
    for (String containerId : monitor.exitFileNames()) {
      monitor.readExit(containerId).ifPresent(exit -> monitor.markDelivered(containerId));
    }
    monitor.loop.start();
    return monitor;
  }

  /** {@code listener} hears of every exit from now on. */
  public void addListener(Consumer<ContainerExit> listener) {
    listeners.add(listener);
  }

  public void removeListener(Consumer<ContainerExit> listener) {
    listeners.remove(listener);
  }

  /** The recorded exit of a container that has exited (and not been deleted since). */
  public Optional<ContainerExit> exitOf(String containerId) {
    return readExit(containerId);
  }

  /**
   * Completes with the container's exit: at once if it has exited, otherwise when it does. The
   * future is the caller's own; cancelling it affects no one else.
   */
  public CompletableFuture<ContainerExit> onExit(String containerId) {
    CompletableFuture<ContainerExit> future =
        awaited.computeIfAbsent(containerId, id -> new CompletableFuture<>());
    readExit(containerId).ifPresent(exit -> complete(containerId, exit));
    return future.copy();
  }

  /** Blocks until the container exits. */
  public ContainerExit awaitExit(String containerId) throws InterruptedException {
    try {
      return onExit(containerId).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("exit future failed", e.getCause());
    }
  }

  /** Blocks until the container exits or {@code timeout} passes. */
  public Optional<ContainerExit> awaitExit(String containerId, Duration timeout)
      throws InterruptedException {
    CompletableFuture<ContainerExit> exit = onExit(containerId);
    try {
      return Optional.of(exit.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("exit future failed", e.getCause());
    }
  }

  /** Removes the container's exit file: it is being deleted, or is about to run again. */
  void forget(String containerId) {
    delivered.remove(containerId);
    try {
      Files.deleteIfExists(exitDirectory.resolve(containerId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the exit file of " + containerId, e);
    }
  }

  /**
   * Stops watching and waits for the monitor's thread to end; {@link OciRuntime#close()}, which
   * owns the monitor, calls it. Containers keep running.
   */
  void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the watch on " + exitDirectory, e);
    }
    try {
      loop.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void watch() {
    while (true) {
      WatchKey key;
      try {
        key = watcher.take();
      } catch (ClosedWatchServiceException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (WatchEvent<?> event : key.pollEvents()) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
          exitFileNames().forEach(this::deliver);
        } else if (event.context() instanceof Path name && isContainerId(name.toString())) {
          deliver(name.toString());
        }
      }
      if (!key.reset()) {
        return;
      }
    }
  }

  private void deliver(String containerId) {
    Optional<ContainerExit> exit = readExit(containerId);
    if (exit.isEmpty() || !markDelivered(containerId)) {
      return;
    }
    complete(containerId, exit.get());
    for (Consumer<ContainerExit> listener : listeners) {
      try {
        listener.accept(exit.get());
      } catch (RuntimeException e) {
        Thread current = Thread.currentThread();
        current.getUncaughtExceptionHandler().uncaughtException(current, e);
      }
    }
  }

  /** Records the exit file's time as delivered; false if that very file was delivered before. */
  private boolean markDelivered(String containerId) {
    try {
      FileTime written = Files.getLastModifiedTime(exitDirectory.resolve(containerId));
      return !written.equals(delivered.put(containerId, written));
    } catch (IOException e) {
      return false;
    }
  }

  private void complete(String containerId, ContainerExit exit) {
    CompletableFuture<ContainerExit> future = awaited.remove(containerId);
    if (future != null) {
      future.complete(exit);
    }
  }

  private Optional<ContainerExit> readExit(String containerId) {
    Path file = exitDirectory.resolve(containerId);
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      FileTime written = Files.getLastModifiedTime(file);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new ContainerExit(
              containerId, Integer.parseInt(text), written.toInstant(), oomKilled(containerId)));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * conmon leaves {@code oom} in the bundle (found through its socket-directory symlink) once it
   * has read the OOM event, which may come after the exit file; the cgroup, still there until the
   * container is deleted from runc, counts the kills at once.
   */
  private boolean oomKilled(String containerId) {
    Path link = socketDirectory.resolve(containerId);
    try {
      var bundle = new ContainerBundle(Files.readSymbolicLink(link));
      return Files.exists(bundle.oomFile())
          || BundleConfig.read(bundle)
              .flatMap(BundleConfig::cgroupsPath)
              .map(CgroupTree.host()::oomKilled)
              .orElse(false);
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return false;
    }
  }

  private List<String> exitFileNames() {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(exitDirectory)) {
      var names = new ArrayList<String>();
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (isContainerId(name)) {
          names.add(name);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + exitDirectory, e);
    }
  }

  static boolean isContainerId(String name) {
    return OciRuntime.CONTAINER_ID.matcher(name).matches();
  }
}
