package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.reconcile.DownOptions;
import java.util.List;

/**
 * {@code jcompose down}: stops and removes the project's containers (dependents first), then its
 * networks; volumes with {@code -v}, images with {@code --rmi}. Works from the labels alone with
 * {@code -p NAME} and no compose file: every container of the project goes.
 */
public final class DownCommand {

  static final Option REMOVE_ORPHANS =
      Option.flag("Remove containers of services not in the compose file.", "--remove-orphans");
  static final Option VOLUMES =
      Option.flag("Remove named volumes and anonymous volumes.", "-v", "--volumes");
  static final Option RMI =
      Option.value("TYPE", "Remove images used by services: local or all.", "--rmi")
          .withAllowedValues(List.of("local", "all"));
  static final Option TIMEOUT =
      Option.value("SECONDS", "Shutdown timeout in seconds.", "-t", "--timeout");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "down",
          "Stop and remove containers, networks.",
          List.of(Option.help(), REMOVE_ORPHANS, VOLUMES, RMI, TIMEOUT),
          List.of());

  private final JcomposeCommand global;
  private final Values line;

  public DownCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    try (ProjectSession session = ProjectSession.open(global, true)) {
      var options =
          new DownOptions(
              CommandValues.seconds(line, TIMEOUT),
              line.has(VOLUMES),
              line.value(RMI),
              line.has(REMOVE_ORPHANS) || session.fromLabelsOnly());
      if (global.dryRun()) {
        global.context().out().print(session.compose().planDown(session.project(), options).text());
        return ExitCode.OK;
      }
      session.compose().down(session.project(), options);
      return ExitCode.OK;
    }
  }
}
