package io.jcompose.cli.render.logs;

import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.RuntimeEvent;
import io.jcompose.planner.spi.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a {@link LogFollower} knows, under one lock: the containers, which of them run, the open
 * streams, the exits, and so when the logs are done. It makes no calls out; the follower does, with
 * what these methods return.
 */
final class FollowState {

  /** A stream to open: the container and its new stream. */
  record Attach(FollowedContainer container, FollowedContainer.Stream stream) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final boolean follow;
  private final Map<String, FollowedContainer> containers = new HashMap<>();
  private final Set<FollowedContainer.Stream> openStreams =
      Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<ContainerExit> exits = new ArrayList<>();
  private Duration grace = LogFollower.DEFAULT_GRACE;
  private boolean started;
  private boolean listed;
  private boolean closed;
  private int exitsBeingReported;
  private long quietSince = -1;

  FollowState(boolean follow) {
    this.follow = follow;
  }

  void grace(Duration gracePeriod) {
    lock.lock();
    try {
      requireNotStarted();
      grace = gracePeriod;
    } finally {
      lock.unlock();
    }
  }

  void requireNotStarted() {
    lock.lock();
    try {
      if (started) {
        throw new IllegalStateException("the log follower has started already");
      }
    } finally {
      lock.unlock();
    }
  }

  void markStarted() {
    lock.lock();
    try {
      requireNotStarted();
      started = true;
    } finally {
      lock.unlock();
    }
  }

  /** A listed container to attach to, or null when an event attached it first. */
  Attach listedContainer(ContainerSummary summary) {
    lock.lock();
    try {
      if (closed || containers.containsKey(summary.id())) {
        return null;
      }
      var container = new FollowedContainer(summary.id(), summary.name(), summary.labels());
      container.running =
          follow
              && (summary.status() == ContainerStatus.RUNNING
                  || summary.status() == ContainerStatus.PAUSED);
      containers.put(container.id, container);
      return open(container);
    } finally {
      lock.unlock();
    }
  }

  void listingDone() {
    lock.lock();
    try {
      listed = true;
      changed();
    } finally {
      lock.unlock();
    }
  }

  /** A container started: its new stream to open, or null when it is followed already. */
  Attach started(RuntimeEvent event) {
    lock.lock();
    try {
      if (closed) {
        return null;
      }
      FollowedContainer container = containers.get(event.actorId());
      if (container == null) {
        String name = event.attributes().getOrDefault("name", event.actorId());
        container = new FollowedContainer(event.actorId(), name, event.attributes());
        containers.put(container.id, container);
      } else if (container.running) {
        return null;
      }
      container.running = true;
      return open(container);
    } finally {
      lock.unlock();
    }
  }

  private Attach open(FollowedContainer container) {
    FollowedContainer.Stream stream = container.newStream();
    openStreams.add(stream);
    changed();
    return new Attach(container, stream);
  }

  /**
   * A container stopped: the exit to report now, or empty when there is none (not followed, or not
   * running) or when it waits for the end of the container's stream.
   */
  Optional<ContainerExit> died(RuntimeEvent event, int exitCode) {
    lock.lock();
    try {
      FollowedContainer container = containers.get(event.actorId());
      if (closed || container == null || !container.running) {
        return Optional.empty();
      }
      container.running = false;
      var exit =
          new ContainerExit(
              container.id,
              container.name,
              container.serviceName,
              container.prefix,
              exitCode,
              event.time());
      exitsBeingReported++;
      changed();
      if (openStreams.contains(container.current)) {
        container.current.pendingExit = exit;
        return Optional.empty();
      }
      return Optional.of(exit);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records a stream's subscription.
   *
   * @return false when the follower was closed meanwhile: the caller closes it
   */
  boolean subscribed(FollowedContainer.Stream stream, Subscription subscription) {
    lock.lock();
    try {
      stream.subscription = subscription;
      return !closed;
    } finally {
      lock.unlock();
    }
  }

  /** A stream ended: the exit that waited for it, if any. */
  Optional<ContainerExit> streamEnded(FollowedContainer.Stream stream) {
    lock.lock();
    try {
      if (!openStreams.remove(stream)) {
        return Optional.empty();
      }
      ContainerExit exit = stream.pendingExit;
      stream.pendingExit = null;
      changed();
      return Optional.ofNullable(exit);
    } finally {
      lock.unlock();
    }
  }

  /** An exit's notice is printed; the listener is told next. */
  void exitPrinted(ContainerExit exit) {
    lock.lock();
    try {
      exits.add(exit);
    } finally {
      lock.unlock();
    }
  }

  /** An exit is fully reported. */
  void exitReported() {
    lock.lock();
    try {
      exitsBeingReported--;
      changed();
    } finally {
      lock.unlock();
    }
  }

  List<ContainerExit> exits() {
    lock.lock();
    try {
      return List.copyOf(exits);
    } finally {
      lock.unlock();
    }
  }

  /** Notes a change: whether all is quiet now, and wakes {@link #await}. Under the lock. */
  private void changed() {
    if (quiet()) {
      if (quietSince < 0) {
        quietSince = System.nanoTime();
      }
    } else {
      quietSince = -1;
    }
    changed.signalAll();
  }

  private boolean quiet() {
    if (!listed || !openStreams.isEmpty() || exitsBeingReported > 0) {
      return false;
    }
    for (FollowedContainer container : containers.values()) {
      if (container.running) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits until closed, or (without follow) every stream ended, or (with follow) all was quiet for
   * the grace period.
   *
   * @param timeoutNanos {@link Long#MAX_VALUE} for no limit
   * @return false when the timeout passed first
   */
  boolean await(long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    lock.lock();
    try {
      if (!started) {
        throw new IllegalStateException("the log follower has not started");
      }
      while (true) {
        long now = System.nanoTime();
        long untilDone = Long.MAX_VALUE;
        if (closed || (!follow && listed && openStreams.isEmpty())) {
          return true;
        } else if (follow && quietSince >= 0) {
          untilDone = grace.toNanos() - (now - quietSince);
          if (untilDone <= 0) {
            return true;
          }
        }
        long untilDeadline = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - now;
        if (untilDeadline <= 0) {
          return false;
        }
        long wait = Math.min(untilDone, untilDeadline);
        if (wait == Long.MAX_VALUE) {
          changed.await();
        } else {
          changed.awaitNanos(wait);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Marks the follower closed; returns the open streams' subscriptions, or null if closed before.
   */
  List<Subscription> close() {
    lock.lock();
    try {
      if (closed) {
        return null;
      }
      closed = true;
      var subscriptions = new ArrayList<Subscription>();
      for (FollowedContainer.Stream stream : openStreams) {
        if (stream.subscription != null) {
          subscriptions.add(stream.subscription);
        }
      }
      changed.signalAll();
      return subscriptions;
    } finally {
      lock.unlock();
    }
  }
}
