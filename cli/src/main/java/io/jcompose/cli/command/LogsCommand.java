package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import java.util.List;

/**
 * {@code jcompose logs}: the output of the project's containers, prefixed by {@code service-N |};
 * with {@code -f} it keeps following, across container restarts, until every container stopped.
 */
public final class LogsCommand {

  static final Option FOLLOW = Option.flag("Follow log output.", "-f", "--follow");
  static final Option TAIL =
      Option.value("N", "Number of lines to show from the end of the logs, or all.", "-n", "--tail")
          .withDefault("all");
  static final Option TIMESTAMPS = Option.flag("Show timestamps.", "-t", "--timestamps");
  static final Option SINCE =
      Option.value("TIME", "Show logs since a timestamp or a relative time (42m).", "--since");
  static final Option UNTIL =
      Option.value("TIME", "Show logs before a timestamp or a relative time (42m).", "--until");
  static final Option NO_COLOR = Option.flag("Produce monochrome output.", "--no-color");
  static final Option NO_LOG_PREFIX =
      Option.flag("Don't print a prefix in logs.", "--no-log-prefix");
  static final Option INDEX =
      Option.value("N", "Index of the container if the service has several replicas.", "--index")
          .withIntegerValue();

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "logs",
          "View output from containers.",
          List.of(
              Option.help(),
              FOLLOW,
              TAIL,
              TIMESTAMPS,
              SINCE,
              UNTIL,
              NO_COLOR,
              NO_LOG_PREFIX,
              INDEX),
          List.of(Positional.any("SERVICE", "Only these services.")));

  private final JcomposeCommand global;
  private final Values line;

  public LogsCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    try (ProjectSession session = ProjectSession.open(global, true)) {
      return ExitCode.OK;
    }
  }
}
