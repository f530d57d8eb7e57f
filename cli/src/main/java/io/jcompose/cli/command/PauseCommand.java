package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import java.util.List;
import java.util.Set;

/**
 * {@code jcompose pause} and {@code unpause}: freezes the running containers of the services, or
 * thaws the paused ones, printing {@code Container NAME Paused} as docker compose does.
 */
public final class PauseCommand {

  public static final Verb PAUSE =
      new Verb(
          "pause",
          "Pause services.",
          List.of(Option.help()),
          List.of(Positional.any("SERVICE", "Only these services.")));
  public static final Verb UNPAUSE =
      new Verb(
          "unpause",
          "Unpause services.",
          List.of(Option.help()),
          List.of(Positional.any("SERVICE", "Only these services.")));

  private final JcomposeCommand global;
  private final Values line;
  private final boolean pause;

  public PauseCommand(JcomposeCommand global, Values line, boolean pause) {
    this.global = global;
    this.line = line;
    this.pause = pause;
  }

  public int call() throws InterruptedException {
    Set<String> services = CommandValues.services(line);
    try (ProjectSession session = ProjectSession.open(global, true)) {
      ServiceContainers.checkServices(session, services);
      ContainerStatus wanted = pause ? ContainerStatus.RUNNING : ContainerStatus.PAUSED;
      for (ContainerSummary container : ServiceContainers.of(session, services, true, false)) {
        if (container.status() != wanted) {
          continue;
        }
        if (global.dryRun()) {
          global.context().out().println("container " + container.name() + ": " + verbWord());
          continue;
        }
        if (pause) {
          session.tools().pause(container.id());
        } else {
          session.tools().unpause(container.id());
        }
        global.context().err().println(" Container " + container.name() + "  " + doneWord());
      }
      return ExitCode.OK;
    }
  }

  private String verbWord() {
    return pause ? "pause" : "unpause";
  }

  private String doneWord() {
    return pause ? "Paused" : "Unpaused";
  }
}
