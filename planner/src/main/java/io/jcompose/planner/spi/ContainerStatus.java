package io.jcompose.planner.spi;

import java.util.Locale;

/** The engine's container states. */
public enum ContainerStatus {
  CREATED,
  RUNNING,
  PAUSED,
  RESTARTING,
  REMOVING,
  EXITED,
  DEAD;

  /** The engine's word for the state ({@code running}, {@code exited} ...). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException quoting the word when it is not a state
   */
  public static ContainerStatus parse(String word) {
    for (ContainerStatus status : values()) {
      if (status.word().equals(word)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown container state \"" + word + "\"");
  }
}
