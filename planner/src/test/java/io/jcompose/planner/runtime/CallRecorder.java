package io.jcompose.planner.runtime;

import io.jcompose.planner.spi.RuntimeFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the in-memory runtime knows about the SPI calls made to it, and the test's hold on them: the
 * call log, the faults planned for the next matching calls, the calls held until a latch opens, and
 * how many calls were in flight at once. It has a lock of its own, never held while a call is held,
 * so held calls do not block the rest of the runtime.
 */
final class CallRecorder {

  private record PlannedFault(String callName, String target, RuntimeFault fault) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition heldCallsChanged = lock.newCondition();
  private final List<String> log = new ArrayList<>();
  private final List<PlannedFault> plannedFaults = new ArrayList<>();
  private final Map<String, CountDownLatch> holds = new HashMap<>();
  private final Map<String, Integer> heldByName = new HashMap<>();
  private final Map<String, Integer> inFlightByName = new HashMap<>();
  private final Map<String, Integer> mostInFlightByName = new HashMap<>();
  private int inFlight;
  private int mostInFlight;

  /**
   * Records that a call began; holds it while a latch for its name is closed, then throws the fault
   * planned for it, if any (the call has ended then).
   *
   * @throws InterruptedException when interrupted while held (the call has ended then)
   */
  void begin(String callName, String target) throws InterruptedException {
    CountDownLatch hold;
    lock.lock();
    try {
      log.add(target.isEmpty() ? callName : callName + " " + target);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      int inFlightForName = inFlightByName.merge(callName, 1, Integer::sum);
      mostInFlightByName.merge(callName, inFlightForName, Math::max);
      hold = holds.get(callName);
      if (hold != null && hold.getCount() > 0) {
        heldByName.merge(callName, 1, Integer::sum);
        heldCallsChanged.signalAll();
      } else {
        hold = null;
      }
    } finally {
      lock.unlock();
    }
    if (hold != null) {
      try {
        hold.await();
      } catch (InterruptedException interrupted) {
        end(callName);
        throw interrupted;
      } finally {
        lock.lock();
        try {
          heldByName.merge(callName, -1, Integer::sum);
        } finally {
          lock.unlock();
        }
      }
    }
    RuntimeFault fault = takePlannedFault(callName, target);
    if (fault != null) {
      end(callName);
      throw fault;
    }
  }

  void end(String callName) {
    lock.lock();
    try {
      inFlight--;
      inFlightByName.merge(callName, -1, Integer::sum);
    } finally {
      lock.unlock();
    }
  }

  private RuntimeFault takePlannedFault(String callName, String target) {
    lock.lock();
    try {
      Iterator<PlannedFault> planned = plannedFaults.iterator();
      while (planned.hasNext()) {
        PlannedFault candidate = planned.next();
        if (candidate.callName().equals(callName) && candidate.target().equals(target)) {
          planned.remove();
          return candidate.fault();
        }
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  void failNext(String callName, String target, RuntimeFault fault) {
    var planned =
        new PlannedFault(
            Objects.requireNonNull(callName, "callName"),
            Objects.requireNonNull(target, "target"),
            Objects.requireNonNull(fault, "fault"));
    lock.lock();
    try {
      plannedFaults.add(planned);
    } finally {
      lock.unlock();
    }
  }

  void hold(String callName, CountDownLatch release) {
    Objects.requireNonNull(callName, "callName");
    Objects.requireNonNull(release, "release");
    lock.lock();
    try {
      holds.put(callName, release);
    } finally {
      lock.unlock();
    }
  }

  boolean awaitHeld(String callName, int count, Duration timeout) throws InterruptedException {
    long nanosLeft = timeout.toNanos();
    lock.lock();
    try {
      while (heldByName.getOrDefault(callName, 0) < count) {
        if (nanosLeft <= 0) {
          return false;
        }
        nanosLeft = heldCallsChanged.awaitNanos(nanosLeft);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  List<String> log() {
    lock.lock();
    try {
      return List.copyOf(log);
    } finally {
      lock.unlock();
    }
  }

  void clearLog() {
    lock.lock();
    try {
      log.clear();
    } finally {
      lock.unlock();
    }
  }

  int mostInFlight() {
    lock.lock();
    try {
      return mostInFlight;
    } finally {
      lock.unlock();
    }
  }

  int mostInFlight(String callName) {
    lock.lock();
    try {
      return mostInFlightByName.getOrDefault(callName, 0);
    } finally {
      lock.unlock();
    }
  }
}
