package io.jcompose.engine.registry;

import io.jcompose.engine.fault.EngineFault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one pull's or push's blob transfers on the engine's transfer threads, at most {@link
 * #PARALLEL} at a time (so one large pull does not take every thread); the first failure cancels
 * the others, waits until none runs any more, and is thrown.
 */
final class Transfers {

  static final int PARALLEL = 3;

  /** A transfer; its failure is an unchecked exception or an interruption. */
  @FunctionalInterface
  interface Transfer {
    void run() throws InterruptedException;
  }

  private Transfers() {}

  static void runAll(ExecutorService threads, List<Transfer> transfers)
      throws InterruptedException {
    var completion = new ExecutorCompletionService<Void>(threads);
    var running = new ArrayList<Running>();
    int next = 0;
    int done = 0;
    try {
      while (done < transfers.size()) {
        while (next < transfers.size() && next - done < PARALLEL) {
          var transfer = new Running(transfers.get(next++));
          transfer.future = completion.submit(transfer::call);
          running.add(transfer);
        }
        Future<Void> finished = completion.take();
        done++;
        rethrow(finished);
      }
    } finally {
      running.forEach(transfer -> transfer.future.cancel(true));
      // the caller cleans up next (unpins blobs, ends the stream): no transfer may still run then
      running.forEach(Running::awaitEnd);
    }
  }

  /**
   * A submitted transfer, which either runs to its end or never starts: whoever claims it first
   * (its thread or {@link #awaitEnd}) decides.
   */
  private static final class Running {
    private final Transfer transfer;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private Future<Void> future;

    Running(Transfer transfer) {
      this.transfer = transfer;
    }

    Void call() throws InterruptedException {
      if (!claimed.compareAndSet(false, true)) {
        return null;
      }
      try {
        transfer.run();
        return null;
      } finally {
        ended.countDown();
      }
    }

    /** Returns once the transfer ended, or at once when it never started (it never will now). */
    void awaitEnd() {
      if (claimed.compareAndSet(false, true)) {
        return;
      }
      boolean interrupted = false;
      while (true) {
        try {
          ended.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void rethrow(Future<Void> finished) throws InterruptedException {
    try {
      finished.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new EngineFault.Internal("a blob transfer failed: " + cause, cause);
    }
  }
}
