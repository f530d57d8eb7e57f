package io.jcompose.planner.execute;

import io.jcompose.planner.event.EventSink;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.spi.ContainerRuntime;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * Runs a plan's operations against a runtime, in parallel where the plan allows, and reports
 * progress as events. It decides nothing: the plan says what to do and in which order.
 *
 * <ul>
 *   <li>a node starts once every node it depends on succeeded;
 *   <li>at most {@link ExecutionSettings#parallelism()} operations call the runtime at once (a wait
 *       gives its permit back while it sleeps between polls);
 *   <li>the first failure stops scheduling: nodes not started yet are {@code Skipped} with the
 *       failure as the reason, running ones finish, then {@link PlanFailedException} lists every
 *       failure;
 *   <li>an interrupt stops scheduling the same way, interrupts the running nodes, and {@link
 *       #execute} rethrows it once they have finished.
 * </ul>
 *
 * The executor service belongs to the caller, who sizes and closes it; a plan's node occupies one
 * of its threads while it runs or waits for a permit.
 */
public final class PlanExecutor {

  private final ContainerRuntime runtime;
  private final ExecutorService executor;
  private final ExecutionSettings settings;
  private final EventSink sink;

  public PlanExecutor(
      ContainerRuntime runtime,
      ExecutorService executor,
      ExecutionSettings settings,
      EventSink sink) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /**
   * Runs every node of the plan.
   *
   * @throws PlanFailedException when operations failed, listing each
   * @throws InterruptedException when the calling thread was interrupted; the interrupt flag is set
   *     again and the nodes not started were skipped
   */
  public void execute(Plan plan) throws InterruptedException {
    Objects.requireNonNull(plan, "plan");
    var runner = new OperationRunner(runtime, settings, sink);
    new Execution(
            plan, runner, executor, new Semaphore(settings.parallelism()), settings.clock(), sink)
        .run();
  }
}
