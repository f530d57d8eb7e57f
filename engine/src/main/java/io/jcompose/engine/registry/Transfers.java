package io.jcompose.engine.registry;

import io.jcompose.engine.fault.EngineFault;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs one pull's or push's blob transfers on the engine's transfer threads, at most {@link
 * #PARALLEL} at a time (so one large pull does not take every thread); the first failure cancels
 * the others and is thrown.
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
    var running = new ArrayList<Future<Void>>();
    int next = 0;
    int done = 0;
    try {
      while (done < transfers.size()) {
        while (next < transfers.size() && next - done < PARALLEL) {
          Transfer transfer = transfers.get(next++);
          Callable<Void> task =
              () -> {
                transfer.run();
                return null;
              };
          running.add(completion.submit(task));
        }
        Future<Void> finished = completion.take();
        done++;
        rethrow(finished);
      }
    } finally {
      running.forEach(future -> future.cancel(true));
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
