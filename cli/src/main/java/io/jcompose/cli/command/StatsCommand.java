package io.jcompose.cli.command;

import io.jcompose.adapter.tools.StatsSample;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.cli.render.JsonLine;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.Subscription;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code jcompose stats}: the resource use of the project's running containers (all with {@code
 * -a}), as docker's table or JSON lines; once with {@code --no-stream}, else redrawn about every
 * second as samples arrive (on a terminal over a cleared screen), until interrupted.
 */
public final class StatsCommand {

  static final Option ALL =
      Option.flag("Show all containers (default shows just running).", "-a", "--all");
  static final Option NO_STREAM =
      Option.flag("Disable streaming stats and only pull the first result.", "--no-stream");
  static final Option NO_TRUNC = Option.flag("Do not truncate output.", "--no-trunc");
  static final Option FORMAT =
      Option.value("FORMAT", "Format the output: table or json.", "--format")
          .withAllowedValues(List.of("table", "json"))
          .withDefault("table");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "stats",
          "Display a live stream of container(s) resource usage statistics.",
          List.of(Option.help(), ALL, NO_STREAM, NO_TRUNC, FORMAT),
          List.of(Positional.any("SERVICE", "Only these services.")));

  private final JcomposeCommand global;
  private final Values line;

  public StatsCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    Set<String> services = CommandValues.services(line);
    try (ProjectSession session = ProjectSession.open(global, true)) {
      ServiceContainers.checkServices(session, services);
      session.finishProgress();
      List<ContainerSummary> containers =
          ServiceContainers.of(session, services, line.has(ALL), false);
      if (line.has(NO_STREAM)) {
        var rows = new ArrayList<StatsRow>();
        for (ContainerSummary container : containers) {
          rows.add(StatsRow.of(session.tools().stats(container.id())));
        }
        print(rows, false);
        return ExitCode.OK;
      }
      stream(session, containers);
      return ExitCode.OK;
    }
  }

  private void stream(ProjectSession session, List<ContainerSummary> containers)
      throws InterruptedException {
    var latest = new LinkedHashMap<String, StatsRow>();
    var fresh = new java.util.HashSet<String>();
    containers.forEach(container -> latest.put(container.id(), null));
    var subscriptions = new ArrayList<Subscription>();
    try {
      for (ContainerSummary container : containers) {
        subscriptions.add(
            session
                .tools()
                .streamStats(container.id(), sample -> arrived(sample, container, latest, fresh)));
      }
      for (Subscription subscription : subscriptions) {
        subscription.await();
      }
    } finally {
      subscriptions.forEach(Subscription::close);
    }
  }

  private void arrived(
      StatsSample sample,
      ContainerSummary container,
      Map<String, StatsRow> latest,
      Set<String> fresh) {
    synchronized (latest) {
      // a round ends when every container sent a sample, or when one sends its second (the
      // others stopped or are slow): a redraw about every second either way
      boolean secondOfTheRound = !fresh.add(container.id());
      latest.put(container.id(), StatsRow.of(sample));
      if (!secondOfTheRound && fresh.size() < latest.size()) {
        return;
      }
      fresh.clear();
      var rows = new ArrayList<StatsRow>();
      for (StatsRow row : latest.values()) {
        if (row != null) {
          rows.add(row);
        }
      }
      print(rows, global.context().terminal());
    }
  }

  private void print(List<StatsRow> rows, boolean clearScreen) {
    PrintWriter out = global.context().out();
    boolean truncate = !line.has(NO_TRUNC);
    if (clearScreen) {
      out.print("\033[2J\033[H");
    }
    if (line.value(FORMAT).orElse("table").equals("json")) {
      rows.forEach(row -> out.println(JsonLine.write(row.json(truncate))));
    } else {
      var cells = new ArrayList<List<String>>();
      rows.forEach(row -> cells.add(row.cells(truncate)));
      TabColumns.print(TabColumns.withHeaders(StatsRow.HEADERS, cells), 10, out);
    }
    out.flush();
  }
}
