package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.WaitResponse;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.RuntimeFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The container lifecycle: list, inspect, start, stop, kill, remove, rename, wait. */
final class Containers {

  /** The daemon's stop timeout when a container names none. */
  private final DockerClient docker;

  private final Faults faults;
  private final RawApi raw;

  Containers(DockerClient docker, RawApi raw, Faults faults) {
    this.raw = raw;
    this.docker = docker;
    this.faults = faults;
  }

  List<ContainerSummary> list(LabelFilter filter) {
    ListContainersCmd command = docker.listContainersCmd().withShowAll(true);
    if (!filter.labels().isEmpty()) {
      command.withLabelFilter(LabelFilters.values(filter));
    }
    List<Container> containers = faults.call(command::exec);
    var summaries = new ArrayList<ContainerSummary>();
    for (Container container : containers) {
      summaries.add(ContainerViews.summary(container));
    }
    return summaries;
  }

  ContainerDetails inspect(String containerIdOrName) {
    return ContainerViews.details(raw(containerIdOrName));
  }

  InspectContainerResponse raw(String containerIdOrName) {
    return faults.call(() -> docker.inspectContainerCmd(containerIdOrName).exec());
  }

  /** Starting a running container is a 304 from the daemon, and success here. */
  void start(String containerIdOrName) {
    try {
      docker.startContainerCmd(containerIdOrName).exec();
    } catch (NotModifiedException alreadyRunning) {
      // the SPI's start is idempotent
    } catch (RuntimeException failure) {
      throw faults.map(failure);
    }
  }

  /**
   * Stopping a stopped container is a 304 from the daemon, and success here. Without a timeout the
   * request carries none, so the daemon applies the container's own ({@code stop_grace_period});
   * docker-java always sends one, so that request goes out raw.
   */
  void stop(String containerIdOrName, Optional<Duration> timeout) {
    if (timeout.isEmpty()) {
      raw.post("/containers/" + RawApi.pathSegment(containerIdOrName) + "/stop");
      return;
    }
    int seconds = (int) Math.max(0, timeout.get().toSeconds());
    try {
      docker.stopContainerCmd(containerIdOrName).withTimeout(seconds).exec();
    } catch (NotModifiedException alreadyStopped) {
      // the SPI's stop is idempotent
    } catch (RuntimeException failure) {
      throw faults.map(failure);
    }
  }

  void kill(String containerIdOrName, String signal) {
    faults.run(() -> docker.killContainerCmd(containerIdOrName).withSignal(signal).exec());
  }

  void remove(String containerIdOrName, boolean force, boolean removeAnonymousVolumes) {
    faults.run(
        () ->
            docker
                .removeContainerCmd(containerIdOrName)
                .withForce(force)
                .withRemoveVolumes(removeAnonymousVolumes)
                .exec());
  }

  void rename(String containerIdOrName, String newName) {
    faults.run(() -> docker.renameContainerCmd(containerIdOrName).withName(newName).exec());
  }

  /** Blocks on {@code POST /containers/{id}/wait}; an interrupt closes the request. */
  int await(String containerIdOrName) throws InterruptedException {
    var statusCode = new AtomicReference<Integer>();
    var callback =
        new ResultCallback.Adapter<WaitResponse>() {
          @Override
          public void onNext(WaitResponse response) {
            statusCode.set(response.getStatusCode());
          }
        };
    try {
      docker.waitContainerCmd(containerIdOrName).exec(callback);
      callback.awaitCompletion();
    } catch (InterruptedException interrupted) {
      StreamCallback.closeQuietly(callback);
      throw interrupted;
    } catch (RuntimeException failure) {
      throw faults.map(failure);
    }
    if (statusCode.get() == null) {
      throw new RuntimeFault.Internal(
          "the daemon ended the wait for " + containerIdOrName + " without an exit code");
    }
    return statusCode.get();
  }
}
