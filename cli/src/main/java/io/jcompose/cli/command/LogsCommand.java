package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.UserException;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.cli.render.logs.LogFollower;
import io.jcompose.cli.render.logs.LogPrinter;
import io.jcompose.planner.spi.LogOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "logs",
          "View output from containers.",
          List.of(Option.help(), FOLLOW, TAIL, TIMESTAMPS, SINCE, UNTIL, NO_COLOR, NO_LOG_PREFIX),
          List.of(Positional.any("SERVICE", "Only these services.")));

  private final JcomposeCommand global;
  private final Values line;

  public LogsCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    var options =
        new LogOptions(
            line.has(FOLLOW),
            tail(),
            line.value(SINCE).map(text -> LogTimes.parse(text, "--since", Instant.now())),
            line.value(UNTIL).map(text -> LogTimes.parse(text, "--until", Instant.now())),
            line.has(TIMESTAMPS));
    try (ProjectSession session = ProjectSession.open(global, true)) {
      Set<String> services = CommandValues.services(line);
      if (!session.fromLabelsOnly()) {
        for (String service : services) {
          if (!session.project().services().containsKey(service)) {
            throw new UserException("no such service: " + service);
          }
        }
      }
      session.finishProgress();
      var printer =
          new LogPrinter(
              global.context().out(),
              !line.has(NO_COLOR) && LogColors.enabled(global),
              !line.has(NO_LOG_PREFIX),
              line.has(TIMESTAMPS));
      try (var follower =
          new LogFollower(
              session.runtime(), session.project().name(), services, options, printer)) {
        follower.start().await();
      }
      global.context().out().flush();
      return ExitCode.OK;
    }
  }

  private Optional<Integer> tail() {
    String value = line.value(TAIL).orElse("all").trim();
    if (value.equals("all") || value.equals("-1")) {
      return Optional.empty();
    }
    try {
      int lines = Integer.parseInt(value);
      if (lines < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(lines);
    } catch (NumberFormatException e) {
      throw new UserException(
          "--tail takes a number of lines or \"all\", got \"" + value + "\"", ExitCode.USAGE, e);
    }
  }
}
