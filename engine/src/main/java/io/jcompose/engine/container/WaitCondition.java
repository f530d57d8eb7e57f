package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;

/** What {@code POST /containers/{id}/wait} waits for. */
public enum WaitCondition {
  /** The container is not running: at once for a created or exited one. */
  NOT_RUNNING,
  /** The next exit, even of a container that has not started yet. */
  NEXT_EXIT,
  /** The container is removed (after an auto-remove, say). */
  REMOVED;

  /**
   * @throws EngineFault.InvalidArgument for another condition
   */
  public static WaitCondition parse(String text) {
    return switch (text) {
      case "", "not-running" -> NOT_RUNNING;
      case "next-exit" -> NEXT_EXIT;
      case "removed" -> REMOVED;
      default -> throw new EngineFault.InvalidArgument("invalid condition: \"" + text + "\"");
    };
  }
}
