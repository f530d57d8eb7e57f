package io.jcompose.engine.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * How a container ended, as conmon recorded it.
 *
 * @param containerId the runtime id
 * @param exitCode the status: the process's own code, or 128 + the signal that killed it (137 for
 *     SIGKILL, 143 for SIGTERM)
 * @param finishedAt when conmon wrote the exit file (its modification time, so the same after an
 *     engine restart; the kernel's coarse file clock can put it a few milliseconds before the last
 *     log line's time)
 * @param oomKilled conmon saw the cgroup's OOM killer strike
 */
public record ContainerExit(
    String containerId, int exitCode, Instant finishedAt, boolean oomKilled) {

  public ContainerExit {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }
}
