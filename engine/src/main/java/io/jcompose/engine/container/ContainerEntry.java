package io.jcompose.engine.container;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One container in the registry: its current value, the lock that serializes changes to it (start,
 * stop, exit handling, remove), and who waits for it to end a run or to be removed.
 */
final class ContainerEntry {

  private final String id;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Container current;
  private CompletableFuture<Void> runEnd = new CompletableFuture<>();
  private final List<CompletableFuture<Integer>> exitWaiters = new ArrayList<>();
  private final List<CompletableFuture<Integer>> removalWaiters = new ArrayList<>();
  private boolean removed;

  ContainerEntry(Container container) {
    this.id = container.id();
    this.current = container;
  }

  String id() {
    return id;
  }

  Container current() {
    return current;
  }

  void set(Container container) {
    current = container;
  }

  ReentrantLock lock() {
    return lock;
  }

  /**
   * Completes when the current run ends, or, for a container that is not running, the next one:
   * what attach and log follows end with.
   */
  synchronized CompletableFuture<Void> runEnd() {
    return runEnd;
  }

  /**
   * Completes with the exit code once {@code condition} holds. A caller that gives up cancels the
   * future, which forgets it.
   */
  synchronized CompletableFuture<Integer> await(WaitCondition condition) {
    var waiter = new CompletableFuture<Integer>();
    if (removed) {
      waiter.complete(current.state().exitCode());
      return waiter;
    }
    switch (condition) {
      case NOT_RUNNING -> {
        ContainerState.Status status = current.state().status();
        if (!current.isRunning() && status != ContainerState.Status.RESTARTING) {
          waiter.complete(current.state().exitCode());
          return waiter;
        }
        add(exitWaiters, waiter);
      }
      case NEXT_EXIT -> add(exitWaiters, waiter);
      case REMOVED -> add(removalWaiters, waiter);
    }
    return waiter;
  }

  /** A run ended with {@code exitCode}: exit waiters and run followers are told. */
  void runEnded(int exitCode) {
    List<CompletableFuture<Integer>> waiters;
    CompletableFuture<Void> ended;
    synchronized (this) {
      waiters = List.copyOf(exitWaiters);
      exitWaiters.clear();
      ended = runEnd;
      runEnd = new CompletableFuture<>();
    }
    waiters.forEach(waiter -> waiter.complete(exitCode));
    ended.complete(null);
  }

  /** The container is gone: everyone waiting on it is told. */
  void removed(int exitCode) {
    List<CompletableFuture<Integer>> waiters;
    CompletableFuture<Void> ended;
    synchronized (this) {
      removed = true;
      waiters = new ArrayList<>(exitWaiters);
      waiters.addAll(removalWaiters);
      exitWaiters.clear();
      removalWaiters.clear();
      ended = runEnd;
    }
    waiters.forEach(waiter -> waiter.complete(exitCode));
    ended.complete(null);
  }

  synchronized boolean isRemoved() {
    return removed;
  }

  private void add(List<CompletableFuture<Integer>> waiters, CompletableFuture<Integer> waiter) {
    waiters.add(waiter);
    waiter.whenComplete(
        (code, failure) -> {
          synchronized (this) {
            waiters.remove(waiter);
          }
        });
  }
}
