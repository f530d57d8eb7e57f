package io.jcompose.engine.container;

import io.jcompose.engine.logs.ContainerLog;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What reading a container's output needs.
 *
 * @param tty output is raw (one stream), not framed
 * @param running a follow has something to follow
 * @param runEnd completes when the current run ends, or, for a container not running, the next one
 *     (an attach before start)
 */
public record LogTarget(
    String containerId,
    ContainerLog log,
    boolean tty,
    boolean running,
    CompletableFuture<Void> runEnd) {

  public LogTarget {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(runEnd, "runEnd");
  }
}
