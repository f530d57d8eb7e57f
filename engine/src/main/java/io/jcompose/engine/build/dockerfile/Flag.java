package io.jcompose.engine.build.dockerfile;

import java.util.Objects;

/**
 * A {@code --name=value} flag of an instruction as written (variables not expanded); {@code value}
 * is null for a bare {@code --link}.
 */
public record Flag(String name, String value) {
  public Flag {
    Objects.requireNonNull(name, "name");
  }

  /** The flag as the user wrote it, for messages. */
  @Override
  public String toString() {
    return value == null ? "--" + name : "--" + name + "=" + value;
  }
}
