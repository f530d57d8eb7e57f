package io.jcompose.engine.build.dockerfile;

import java.util.List;
import java.util.Objects;

/** The command of RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD, in exec (JSON) or shell form. */
public sealed interface Command {

  /** {@code ["executable", "arg"]}: run as is, no shell, no variable expansion. */
  record Exec(List<String> arguments) implements Command {
    public Exec {
      arguments = List.copyOf(arguments);
    }
  }

  /** {@code echo $HOME}: handed to the stage's SHELL as one string, unchanged. */
  record Shell(String script) implements Command {
    public Shell {
      Objects.requireNonNull(script, "script");
    }
  }
}
