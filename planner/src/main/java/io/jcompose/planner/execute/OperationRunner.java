package io.jcompose.planner.execute;

import io.jcompose.planner.event.EventSink;
import io.jcompose.planner.event.ProgressEvent;
import io.jcompose.planner.plan.BuildImage;
import io.jcompose.planner.plan.CreateContainer;
import io.jcompose.planner.plan.CreateNetwork;
import io.jcompose.planner.plan.CreateVolume;
import io.jcompose.planner.plan.Operation;
import io.jcompose.planner.plan.PlanNode;
import io.jcompose.planner.plan.PullImage;
import io.jcompose.planner.plan.PushImage;
import io.jcompose.planner.plan.RemoveContainer;
import io.jcompose.planner.plan.RemoveImage;
import io.jcompose.planner.plan.RemoveNetwork;
import io.jcompose.planner.plan.RemoveVolume;
import io.jcompose.planner.plan.RenameContainer;
import io.jcompose.planner.plan.StartContainer;
import io.jcompose.planner.plan.StopContainer;
import io.jcompose.planner.plan.WaitForDependency;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.wait.DependencyWaiter;
import io.jcompose.planner.wait.Sleeper;
import io.jcompose.planner.wait.WaitFailure;
import io.jcompose.planner.wait.WaitOutcome;
import java.util.function.Consumer;

/**
 * Runs one operation as runtime calls. Idempotent where a retry or a concurrent tool may have done
 * the work already: removing or stopping what is gone succeeds, a volume that exists is created, a
 * network still in use is left with a warning.
 */
final class OperationRunner {

  private static final int NETWORK_REMOVE_ATTEMPTS = 10;
  private static final java.time.Duration NETWORK_REMOVE_RETRY = java.time.Duration.ofMillis(200);

  private final ContainerRuntime runtime;
  private final ExecutionSettings settings;
  private final EventSink sink;

  OperationRunner(ContainerRuntime runtime, ExecutionSettings settings, EventSink sink) {
    this.runtime = runtime;
    this.settings = settings;
    this.sink = sink;
  }

  /**
   * @param permit the node's parallelism permit, held on entry; a wait hands it back while it
   *     sleeps
   */
  void run(PlanNode node, Permit permit) throws InterruptedException {
    Operation operation = node.operation();
    if (operation instanceof PullImage pull) {
      pull(node, pull);
    } else if (operation instanceof PushImage push) {
      push(node, push);
    } else if (operation instanceof BuildImage build) {
      runtime.buildImage(build.build(), progressOf(node));
    } else if (operation instanceof RemoveImage remove) {
      try {
        runtime.removeImage(remove.imageReference(), false);
      } catch (RuntimeFault.NotFound alreadyGone) {
        // removed already: the goal is met
      }
    } else if (operation instanceof CreateNetwork create) {
      runtime.createNetwork(create.spec());
    } else if (operation instanceof RemoveNetwork remove) {
      removeNetwork(remove);
    } else if (operation instanceof CreateVolume create) {
      try {
        runtime.createVolume(create.spec());
      } catch (RuntimeFault.AlreadyExists exists) {
        // there already: the goal is met
      }
    } else if (operation instanceof RemoveVolume remove) {
      try {
        runtime.removeVolume(remove.volumeName(), false);
      } catch (RuntimeFault.NotFound alreadyGone) {
        // removed already: the goal is met
      }
    } else if (operation instanceof CreateContainer create) {
      runtime.createContainer(create.spec());
    } else if (operation instanceof StartContainer start) {
      runtime.startContainer(start.containerName());
    } else if (operation instanceof StopContainer stop) {
      try {
        runtime.stopContainer(stop.containerName(), stop.timeout());
      } catch (RuntimeFault.NotFound alreadyGone) {
        // a container that does not exist is not running
      }
    } else if (operation instanceof RemoveContainer remove) {
      try {
        runtime.removeContainer(remove.containerName(), true, remove.removeAnonymousVolumes());
      } catch (RuntimeFault.NotFound alreadyGone) {
        // removed already: the goal is met
      }
    } else if (operation instanceof RenameContainer rename) {
      runtime.renameContainer(rename.containerName(), rename.newName());
    } else if (operation instanceof WaitForDependency wait) {
      awaitDependency(node, wait, permit);
    } else {
      throw new IllegalStateException("no runner for operation " + operation);
    }
  }

  /**
   * What to report when {@code node} threw {@code failure}: the wait's own message (it names the
   * dependency), else {@code container demo-db-1: start failed: <runtime message>}.
   */
  static String failureMessage(PlanNode node, RuntimeException failure) {
    if (failure instanceof WaitFailure) {
      return failure.getMessage();
    }
    String reason =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return node.operation().resource() + ": " + node.operation().action() + " failed: " + reason;
  }

  /** A pull; one whose failure is ignored reports it as a warning, as docker compose does. */
  private void pull(PlanNode node, PullImage pull) throws InterruptedException {
    try {
      runtime.pullImage(pull.imageReference(), pull.platform(), progressOf(node));
    } catch (RuntimeFault failure) {
      if (!pull.ignoreFailure()) {
        throw failure;
      }
      sink.accept(
          new ProgressEvent.Warning(
              "pulling "
                  + pull.serviceName()
                  + " ("
                  + pull.imageReference()
                  + "): "
                  + failure.getMessage()));
    }
  }

  /** A push; with {@code --ignore-push-failures} a failure is a warning, as docker compose does. */
  private void push(PlanNode node, PushImage push) throws InterruptedException {
    try {
      runtime.pushImage(push.imageReference(), progressOf(node));
    } catch (RuntimeFault failure) {
      if (!push.ignoreFailure()) {
        throw failure;
      }
      sink.accept(
          new ProgressEvent.Warning(
              "pushing "
                  + push.serviceName()
                  + " ("
                  + push.imageReference()
                  + "): "
                  + failure.getMessage()));
    }
  }

  /**
   * dockerd may still count an endpoint of a container it has just removed ("has active
   * endpoints"), so a network in use is tried again for a while before it is left with a warning.
   */
  private void removeNetwork(RemoveNetwork remove) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        runtime.removeNetwork(remove.networkName());
        return;
      } catch (RuntimeFault.NotFound alreadyGone) {
        return; // removed already: the goal is met
      } catch (RuntimeFault.Conflict inUse) {
        if (attempt >= NETWORK_REMOVE_ATTEMPTS) {
          sink.accept(
              new ProgressEvent.Warning("network " + remove.networkName() + " is still in use"));
          return;
        }
        settings.sleeper().sleep(NETWORK_REMOVE_RETRY);
      }
    }
  }

  private void awaitDependency(PlanNode node, WaitForDependency wait, Permit permit)
      throws InterruptedException {
    Sleeper sleeper = settings.sleeper();
    Sleeper withoutPermit =
        duration -> {
          permit.release();
          sleeper.sleep(duration);
          permit.acquire();
        };
    var waiter =
        new DependencyWaiter(
            runtime,
            settings.projectName(),
            settings.clock(),
            withoutPermit,
            settings.pollInterval(),
            settings.waitTimeout(),
            settings.probes());
    WaitOutcome outcome =
        waiter.await(
            wait, (serviceName, state) -> sink.accept(new ProgressEvent.Waiting(node, state)));
    if (outcome instanceof WaitOutcome.Warning warning) {
      sink.accept(new ProgressEvent.Warning(warning.message()));
    }
  }

  private Consumer<ImageProgress> progressOf(PlanNode node) {
    return progress -> sink.accept(new ProgressEvent.Image(node, progress));
  }
}
