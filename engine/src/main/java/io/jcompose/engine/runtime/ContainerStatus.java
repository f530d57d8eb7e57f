package io.jcompose.engine.runtime;

import java.util.Locale;

/** A container's state as runc reports it. */
public enum ContainerStatus {
  CREATING,
  CREATED,
  RUNNING,
  PAUSED,
  STOPPED;

  static ContainerStatus parse(String runcStatus) {
    try {
      return valueOf(runcStatus.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown runc status \"" + runcStatus + "\"", e);
    }
  }
}
