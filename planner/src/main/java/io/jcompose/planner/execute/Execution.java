package io.jcompose.planner.execute;

import io.jcompose.planner.event.EventSink;
import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.PlanNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of one plan: a future per node that runs once every node it depends on succeeded. The
 * first failure (or an interruption) stops the run: nodes that have not started are skipped with
 * the reason, running ones finish.
 */
final class Execution {

  private static final String INTERRUPTED = "interrupted";

  private final Plan plan;
  private final OperationRunner runner;
  private final Executor executor;
  private final Semaphore permits;
  private final Clock clock;
  private final EventSink sink;

  /** Why the run stopped scheduling; null while it goes on. */
  private final AtomicReference<String> stopReason = new AtomicReference<>();

  /** Whether the caller's thread was interrupted: then interrupted nodes are not failures. */
  private volatile boolean cancelled;

  private final List<PlanFailedException.Failure> failures = new ArrayList<>();
  private final List<Throwable> causes = new ArrayList<>();

  /** Node id to the thread running it, and the nodes this run interrupted; guarded by itself. */
  private final Map<Integer, Thread> runningThreads = new HashMap<>();

  private final Set<Integer> interruptedNodes = new HashSet<>();

  Execution(
      Plan plan,
      OperationRunner runner,
      Executor executor,
      Semaphore permits,
      Clock clock,
      EventSink sink) {
    this.plan = plan;
    this.runner = runner;
    this.executor = executor;
    this.permits = permits;
    this.clock = clock;
    this.sink = sink;
  }

  void run() throws InterruptedException {
    var futures = new ArrayList<CompletableFuture<NodeOutcome>>(plan.size());
    for (PlanNode node : plan.nodes()) {
      var inputs = new ArrayList<CompletableFuture<NodeOutcome>>();
      for (int dependency : node.dependsOn()) {
        inputs.add(futures.get(dependency - 1));
      }
      CompletableFuture<NodeOutcome> future =
          CompletableFuture.allOf(inputs.toArray(new CompletableFuture<?>[0]))
              .handleAsync((ignored, inputFailure) -> runNode(node, inputs), executor);
      futures.add(future);
    }
    CompletableFuture<Void> all =
        CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]));
    try {
      all.get();
    } catch (InterruptedException interrupted) {
      cancelled = true;
      stop(INTERRUPTED);
      interruptRunningNodes();
      awaitRunningNodes(all);
      Thread.currentThread().interrupt();
      throw interrupted;
    } catch (ExecutionException notScheduled) {
      // a node the executor refused: reported below with the others
    }
    for (int index = 0; index < futures.size(); index++) {
      CompletableFuture<NodeOutcome> future = futures.get(index);
      if (future.isCompletedExceptionally()) {
        PlanNode node = plan.nodes().get(index);
        Throwable cause = causeOf(future);
        fail(
            node,
            node.operation().resource()
                + ": "
                + node.operation().action()
                + " could not be scheduled: "
                + cause,
            cause);
      }
    }
    synchronized (failures) {
      if (!failures.isEmpty()) {
        throw new PlanFailedException(failures, causes.get(0));
      }
    }
  }

  private NodeOutcome runNode(PlanNode node, List<CompletableFuture<NodeOutcome>> inputs) {
    for (CompletableFuture<NodeOutcome> input : inputs) {
      if (input.isCompletedExceptionally() || input.join() != NodeOutcome.SUCCEEDED) {
        return skip(node);
      }
    }
    if (stopReason.get() != null) {
      return skip(node);
    }
    var permit = new Permit(permits);
    enter(node);
    try {
      try {
        permit.acquire();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        if (!cancelled) {
          fail(node, interruptedMessage(node) + " before it started", interrupted);
        }
        return skip(node);
      }
      if (stopReason.get() != null) {
        return skip(node);
      }
      return perform(node, permit);
    } finally {
      permit.release();
      leave(node);
    }
  }

  private NodeOutcome perform(PlanNode node, Permit permit) {
    Instant start = clock.instant();
    sink.accept(new ProgressEvent.Started(node));
    try {
      runner.run(node, permit);
      sink.accept(new ProgressEvent.Finished(node, Duration.between(start, clock.instant())));
      return NodeOutcome.SUCCEEDED;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      String message = interruptedMessage(node);
      if (!cancelled) {
        // not this run's own cancellation: someone else interrupted the executor's thread
        fail(node, message, interrupted);
      }
      sink.accept(new ProgressEvent.Failed(node, message));
      return NodeOutcome.FAILED;
    } catch (RuntimeException failure) {
      String message = OperationRunner.failureMessage(node, failure);
      fail(node, message, failure); // recorded before it is reported: failures keep event order
      sink.accept(new ProgressEvent.Failed(node, message));
      return NodeOutcome.FAILED;
    }
  }

  private NodeOutcome skip(PlanNode node) {
    String reason;
    if (cancelled) {
      reason = INTERRUPTED;
    } else if (stopReason.get() != null) {
      reason = "an earlier step failed: " + stopReason.get();
    } else {
      reason = "a step it depends on could not be scheduled";
    }
    sink.accept(new ProgressEvent.Skipped(node, reason));
    return NodeOutcome.SKIPPED;
  }

  private static String interruptedMessage(PlanNode node) {
    return node.operation().resource() + ": " + node.operation().action() + " interrupted";
  }

  private void fail(PlanNode node, String message, Throwable cause) {
    synchronized (failures) {
      failures.add(new PlanFailedException.Failure(node, message));
      causes.add(cause);
    }
    stop(message);
  }

  private void stop(String reason) {
    stopReason.compareAndSet(null, reason);
  }

  private void enter(PlanNode node) {
    synchronized (runningThreads) {
      runningThreads.put(node.id(), Thread.currentThread());
    }
  }

  /**
   * Forgets the node's thread. An interrupt this run sent to the node is consumed here, at the end
   * of the node's task, so that the executor's thread goes back to its pool without it; the node
   * itself has seen it (and re-asserted it) already.
   */
  private void leave(PlanNode node) {
    synchronized (runningThreads) {
      runningThreads.remove(node.id());
      if (interruptedNodes.remove(node.id())) {
        Thread.interrupted();
      }
    }
  }

  private void interruptRunningNodes() {
    synchronized (runningThreads) {
      for (Map.Entry<Integer, Thread> running : runningThreads.entrySet()) {
        interruptedNodes.add(running.getKey());
        running.getValue().interrupt();
      }
    }
  }

  /**
   * Waits for the interrupted nodes to finish and the others to report themselves skipped, so that
   * no event follows the return; further interrupts are remembered by the caller's rethrow.
   */
  private static void awaitRunningNodes(CompletableFuture<Void> all) {
    while (true) {
      try {
        all.get();
        return;
      } catch (InterruptedException again) {
        // already stopping; the interrupt is re-asserted when the run throws
      } catch (ExecutionException notScheduled) {
        return;
      }
    }
  }

  private static Throwable causeOf(CompletableFuture<NodeOutcome> future) {
    try {
      future.join();
      return new IllegalStateException("completed normally");
    } catch (RuntimeException failure) {
      return failure.getCause() == null ? failure : failure.getCause();
    }
  }
}
