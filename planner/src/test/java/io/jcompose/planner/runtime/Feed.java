package io.jcompose.planner.runtime;

import io.jcompose.planner.spi.Subscription;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * One subscription of the in-memory runtime (a log or the event stream): items are offered while
 * the runtime's lock is held and handed to the sink after it is released, one at a time and in
 * order, by whichever calling thread drains first. There is no thread of its own.
 *
 * <p>A sink that throws ends the feed; {@link #await()} rethrows what it threw.
 */
final class Feed<T> implements Subscription {

  private final Consumer<T> sink;
  private final ArrayDeque<T> pending = new ArrayDeque<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private boolean delivering;
  private boolean ending;
  private boolean closed;
  private RuntimeException sinkFailure;

  Feed(Consumer<T> sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  synchronized void offer(T item) {
    if (!ending && !closed) {
      pending.add(item);
    }
  }

  /** Ends the feed once what is pending has been delivered. */
  synchronized void end() {
    ending = true;
  }

  /** Whether the feed was closed, or ended and delivered everything. */
  boolean isOver() {
    return finished.getCount() == 0;
  }

  /** Delivers what is pending; returns at once if another thread is delivering already. */
  void drain() {
    synchronized (this) {
      if (delivering) {
        return;
      }
      delivering = true;
    }
    while (true) {
      T item;
      synchronized (this) {
        item = closed ? null : pending.poll();
        if (item == null) {
          delivering = false;
          if (ending || closed) {
            finished.countDown();
          }
          return;
        }
      }
      try {
        sink.accept(item);
      } catch (RuntimeException failure) {
        synchronized (this) {
          sinkFailure = failure;
          closed = true;
          pending.clear();
          delivering = false;
        }
        finished.countDown();
        return;
      }
    }
  }

  @Override
  public void await() throws InterruptedException {
    finished.await();
    synchronized (this) {
      if (sinkFailure != null) {
        throw sinkFailure;
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      pending.clear();
    }
    finished.countDown();
  }
}
