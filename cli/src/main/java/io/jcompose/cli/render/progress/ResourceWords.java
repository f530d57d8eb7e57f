package io.jcompose.cli.render.progress;

import io.jcompose.planner.plan.BuildImage;
import io.jcompose.planner.plan.CreateContainer;
import io.jcompose.planner.plan.CreateNetwork;
import io.jcompose.planner.plan.CreateVolume;
import io.jcompose.planner.plan.Operation;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * docker compose's words for resources and their states: {@code Container demo-web-1}, {@code
 * Network demo_default}, {@code Volume "demo_data"}, {@code Image busybox}; {@code Creating} when
 * an operation starts, {@code Created} when it is done.
 *
 * <p>A wait is shown on the dependency's container, as docker compose does ({@code Container
 * demo-db-1 Waiting}), when this run started exactly one container of that service; otherwise on
 * the service ({@code Service db}). Not thread-safe: the renderers call it under their lock.
 */
final class ResourceWords {

  private final Map<String, Set<String>> containersByService = new HashMap<>();

  /** Remembers the containers an operation starts, so that waits on them can name them. */
  void learn(Operation operation) {
    if (operation instanceof StartContainer start) {
      remember(start.serviceName(), start.containerName());
    } else if (operation instanceof RenameContainer rename) {
      remember(rename.serviceName(), rename.newName());
    }
  }

  private void remember(String serviceName, String containerName) {
    containersByService
        .computeIfAbsent(serviceName, key -> new LinkedHashSet<>())
        .add(containerName);
  }

  /** The resource an operation acts on, as docker compose names it. */
  String label(Operation operation) {
    if (operation instanceof PullImage pull) {
      return "Image " + pull.imageReference();
    } else if (operation instanceof PushImage push) {
      return "Image " + push.imageReference();
    } else if (operation instanceof BuildImage build) {
      return "Image " + build.imageName();
    } else if (operation instanceof RemoveImage remove) {
      return "Image " + remove.imageReference();
    } else if (operation instanceof CreateNetwork create) {
      return "Network " + create.spec().name();
    } else if (operation instanceof RemoveNetwork remove) {
      return "Network " + remove.networkName();
    } else if (operation instanceof CreateVolume create) {
      return "Volume \"" + create.spec().name() + "\"";
    } else if (operation instanceof RemoveVolume remove) {
      return "Volume \"" + remove.volumeName() + "\"";
    } else if (operation instanceof CreateContainer create) {
      return "Container " + create.containerName();
    } else if (operation instanceof StartContainer start) {
      return "Container " + start.containerName();
    } else if (operation instanceof StopContainer stop) {
      return "Container " + stop.containerName();
    } else if (operation instanceof RemoveContainer remove) {
      return "Container " + remove.containerName();
    } else if (operation instanceof RenameContainer rename) {
      return "Container " + rename.newName();
    } else {
      WaitForDependency wait = (WaitForDependency) operation;
      Set<String> names = containersByService.getOrDefault(wait.dependencyName(), Set.of());
      return names.size() == 1
          ? "Container " + names.iterator().next()
          : "Service " + wait.dependencyName();
    }
  }

  /** The state while the operation runs: {@code Creating}, {@code Pulling}, {@code Waiting} ... */
  static String working(Operation operation) {
    if (operation instanceof PullImage) {
      return "Pulling";
    } else if (operation instanceof PushImage) {
      return "Pushing";
    } else if (operation instanceof BuildImage) {
      return "Building";
    } else if (operation instanceof CreateNetwork
        || operation instanceof CreateVolume
        || operation instanceof CreateContainer) {
      return "Creating";
    } else if (operation instanceof StartContainer) {
      return "Starting";
    } else if (operation instanceof StopContainer) {
      return "Stopping";
    } else if (operation instanceof RenameContainer) {
      return "Recreate";
    } else if (operation instanceof WaitForDependency) {
      return "Waiting";
    } else {
      return "Removing";
    }
  }

  /** The state once it is done: {@code Created}, {@code Pulled}, {@code Healthy} ... */
  static String done(Operation operation) {
    if (operation instanceof PullImage) {
      return "Pulled";
    } else if (operation instanceof PushImage) {
      return "Pushed";
    } else if (operation instanceof BuildImage) {
      return "Built";
    } else if (operation instanceof CreateNetwork
        || operation instanceof CreateVolume
        || operation instanceof CreateContainer) {
      return "Created";
    } else if (operation instanceof StartContainer) {
      return "Started";
    } else if (operation instanceof StopContainer) {
      return "Stopped";
    } else if (operation instanceof RenameContainer) {
      return "Recreated";
    } else if (operation instanceof WaitForDependency wait) {
      if (wait.readiness().isPresent()) {
        return "Ready";
      }
      switch (wait.condition()) {
        case SERVICE_HEALTHY:
          return "Healthy";
        case SERVICE_COMPLETED_SUCCESSFULLY:
          return "Exited";
        case SERVICE_STARTED:
        default:
          return "Started";
      }
    } else {
      return "Removed";
    }
  }
}
