package io.jcompose.planner.runtime;

import io.jcompose.planner.spi.RuntimeFault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory runtime's one lock and what happens around every call made under it. A call is
 * first recorded (and maybe held or failed) by the {@link CallRecorder}, without the lock; then it
 * takes the lock for its work. Closing it wakes whoever waits for a change, releases the lock and
 * feeds the open subscriptions what the call produced, outside the lock, so sinks may call back.
 */
final class RuntimeLock {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stateChanged = lock.newCondition();
  private final CallRecorder recorder;
  private final List<Feed<?>> openFeeds = new ArrayList<>();

  RuntimeLock(CallRecorder recorder) {
    this.recorder = recorder;
  }

  /**
   * An SPI call that does not declare {@link InterruptedException}: interrupted while held, it ends
   * with {@link RuntimeFault.Unavailable} and the interrupt flag set.
   */
  Call call(String callName, String target) {
    try {
      recorder.begin(callName, target);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new RuntimeFault.Unavailable(
          "interrupted while the test held " + callName + " " + target, interrupted);
    }
    lock.lock();
    return new Call(callName);
  }

  Call callInterruptibly(String callName, String target) throws InterruptedException {
    recorder.begin(callName, target);
    lock.lock();
    return new Call(callName);
  }

  /** A test control or a lookup: under the lock, not recorded. */
  Call control() {
    lock.lock();
    return new Call(null);
  }

  /** Waits, inside a call, until another call has changed something. */
  void awaitChange() throws InterruptedException {
    stateChanged.await();
  }

  /** Feeds this subscription after each call until it is over. Inside a call. */
  void track(Feed<?> feed) {
    openFeeds.add(feed);
  }

  final class Call implements AutoCloseable {
    private final String callName;

    /**
     * @param callName null for a control, which is not recorded
     */
    private Call(String callName) {
      this.callName = callName;
    }

    @Override
    public void close() {
      List<Feed<?>> feeds;
      try {
        stateChanged.signalAll();
        openFeeds.removeIf(Feed::isOver);
        feeds = List.copyOf(openFeeds);
      } finally {
        lock.unlock();
      }
      if (callName != null) {
        recorder.end(callName);
      }
      for (Feed<?> feed : feeds) {
        feed.drain();
      }
    }
  }
}
