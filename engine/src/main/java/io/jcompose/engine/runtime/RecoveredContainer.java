package io.jcompose.engine.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a starting engine finds of a container an earlier engine ran, from runc's state, conmon's
 * pid file and the exit files (see {@link OciRuntime#recover()}).
 */
public sealed interface RecoveredContainer
    permits RecoveredContainer.Adopted,
        RecoveredContainer.Exited,
        RecoveredContainer.Unmonitored,
        RecoveredContainer.ExitLost {

  String containerId();

  Path bundle();

  /**
   * Alive and still watched by its conmon: its log grows and its exit will reach the monitor.
   *
   * @param status created, running or paused
   * @param pid the container's init process
   * @param conmonPid its conmon
   */
  record Adopted(String containerId, Path bundle, ContainerStatus status, long pid, long conmonPid)
      implements RecoveredContainer {
    public Adopted {
      Objects.requireNonNull(containerId, "containerId");
      Objects.requireNonNull(bundle, "bundle");
      Objects.requireNonNull(status, "status");
    }
  }

  /** Exited while no engine was watching; conmon recorded how. */
  record Exited(String containerId, Path bundle, ContainerExit exit) implements RecoveredContainer {
    public Exited {
      Objects.requireNonNull(containerId, "containerId");
      Objects.requireNonNull(bundle, "bundle");
      Objects.requireNonNull(exit, "exit");
    }
  }

  /**
   * Alive, but its conmon is gone: nothing logs its output or will record its exit. The caller
   * should mark it unmonitored and stop it with {@link OciRuntime#delete(String, boolean)} (force);
   * its exit code is lost.
   */
  record Unmonitored(String containerId, Path bundle, ContainerStatus status, long pid)
      implements RecoveredContainer {
    public Unmonitored {
      Objects.requireNonNull(containerId, "containerId");
      Objects.requireNonNull(bundle, "bundle");
      Objects.requireNonNull(status, "status");
    }
  }

  /** Stopped without an exit file: its conmon died before it did. */
  record ExitLost(String containerId, Path bundle) implements RecoveredContainer {
    public ExitLost {
      Objects.requireNonNull(containerId, "containerId");
      Objects.requireNonNull(bundle, "bundle");
    }
  }
}
