package io.jcompose.planner.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param environment {@code KEY=value} entries added to the container's
 */
public record ExecSpec(
    List<String> command,
    List<String> environment,
    Optional<String> user,
    Optional<String> workingDir,
    boolean tty,
    boolean privileged) {

  public ExecSpec {
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("exec needs a command");
    }
    environment = List.copyOf(environment);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(workingDir, "workingDir");
  }

  public static ExecSpec of(List<String> command) {
    return new ExecSpec(command, List.of(), Optional.empty(), Optional.empty(), false, false);
  }
}
