package io.jcompose.engine.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One container as runc sees it.
 *
 * @param containerId the runtime id
 * @param status created, running, paused or stopped
 * @param pid the init process on the host; 0 once stopped
 * @param bundle the bundle directory
 * @param rootfs the root filesystem from the bundle's config
 * @param createdAt when {@code runc create} ran
 */
public record RuntimeState(
    String containerId,
    ContainerStatus status,
    long pid,
    Path bundle,
    Path rootfs,
    Instant createdAt) {

  public RuntimeState {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(rootfs, "rootfs");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean isAlive() {
    return status == ContainerStatus.RUNNING
        || status == ContainerStatus.PAUSED
        || status == ContainerStatus.CREATED;
  }
}
