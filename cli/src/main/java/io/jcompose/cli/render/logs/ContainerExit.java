package io.jcompose.cli.render.logs;

import java.time.Instant;
import java.util.Objects;

/**
 * A followed container stopped.
 *
 * @param prefix the container's name in the log stream ({@code web-1})
 * @param exitCode the process's exit code as the engine reported it; -1 when it did not say
 * @param time when the engine saw it stop
 */
public record ContainerExit(
    String containerId,
    String containerName,
    String serviceName,
    String prefix,
    int exitCode,
    Instant time) {

  public ContainerExit {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(time, "time");
  }
}
