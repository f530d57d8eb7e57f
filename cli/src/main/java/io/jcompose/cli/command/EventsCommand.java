package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.RuntimeEvent;
import io.jcompose.planner.spi.Subscription;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jcompose events}: the project's container events as they happen, as text or, with {@code
 * --json}, one object per line (see {@link EventText}); until interrupted, or until {@code
 * --until}.
 */
public final class EventsCommand {

  static final Option JSON = Option.flag("Output events as a stream of json objects.", "--json");
  static final Option SINCE =
      Option.value("TIME", "Show all events created since timestamp.", "--since");
  static final Option UNTIL =
      Option.value("TIME", "Stream events until this timestamp.", "--until");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "events",
          "Receive real time events from containers.",
          java.util.List.of(Option.help(), JSON, SINCE, UNTIL),
          java.util.List.of(Positional.any("SERVICE", "Only these services.")));

  private final JcomposeCommand global;
  private final Values line;

  public EventsCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    Set<String> services = CommandValues.services(line);
    Instant now = Instant.now();
    Optional<Instant> since = line.value(SINCE).map(text -> LogTimes.parse(text, "--since", now));
    Optional<Instant> until = line.value(UNTIL).map(text -> LogTimes.parse(text, "--until", now));
    try (ProjectSession session = ProjectSession.open(global, true)) {
      ServiceContainers.checkServices(session, services);
      session.finishProgress();
      PrintWriter out = global.context().out();
      boolean json = line.has(JSON);
      ZoneId zone = ZoneId.systemDefault();
      try (Subscription events =
          session
              .tools()
              .events(
                  Labels.projectContainers(session.project().name()),
                  since,
                  until,
                  event -> print(event, services, json, zone, out))) {
        events.await();
      }
      return ExitCode.OK;
    }
  }

  private static void print(
      RuntimeEvent event, Set<String> services, boolean json, ZoneId zone, PrintWriter out) {
    if (!EventText.shown(event, services)) {
      return;
    }
    synchronized (out) {
      out.println(json ? EventText.json(event, zone) : EventText.plain(event, zone));
      out.flush();
    }
  }
}
