package io.jcompose.engine.container;

import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.image.ImageStore;
import io.jcompose.engine.network.Networks;
import io.jcompose.engine.oci.BundleWriter;
import io.jcompose.engine.runtime.OciRuntime;
import io.jcompose.engine.snapshot.Snapshotter;
import io.jcompose.engine.volume.LocalVolumes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * What the container service is built on; the engine's composition root makes each part.
 *
 * @param containersDirectory {@code <data-root>/containers}: one directory per container, the same
 *     the snapshotter mounts rootfs in
 * @param cgroupParent {@code /jcompose}: each container's cgroup is {@code <parent>/<id>}
 * @param tasks runs exit handling and delayed restarts; the composition root owns and closes it
 * @param threads makes a thread for each detached exec (it ends with the exec), and the short-lived
 *     threads a start or a teardown runs one host command on while it runs another
 */
public record ContainerSubsystems(
    Path containersDirectory,
    String cgroupParent,
    ImageStore images,
    Snapshotter snapshots,
    LocalVolumes volumes,
    OciRuntime runtime,
    Networks networks,
    EventBus events,
    BundleWriter bundles,
    Clock clock,
    ScheduledExecutorService tasks,
    ThreadFactory threads) {

  public ContainerSubsystems {
    Objects.requireNonNull(containersDirectory, "containersDirectory");
    Objects.requireNonNull(cgroupParent, "cgroupParent");
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(volumes, "volumes");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(networks, "networks");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(bundles, "bundles");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(tasks, "tasks");
    Objects.requireNonNull(threads, "threads");
    if (!cgroupParent.startsWith("/") || cgroupParent.length() < 2 || cgroupParent.endsWith("/")) {
      throw new IllegalArgumentException(
          "cgroup parent \"" + cgroupParent + "\" must be absolute, like /jcompose");
    }
  }

  ContainerDirectory directoryOf(String containerId) {
    return ContainerDirectory.of(containersDirectory, containerId);
  }

  String cgroupPath(String containerId) {
    return cgroupParent + "/" + containerId;
  }
}
