package io.jcompose.cli.command;

import io.jcompose.adapter.tools.ProcessList;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * {@code jcompose top}: per running container, its name, then its processes as a table, then an
 * empty line (docker compose's layout: columns padded by 3, at least 5 wide).
 */
public final class TopCommand {

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "top",
          "Display the running processes.",
          List.of(Option.help()),
          List.of(Positional.any("SERVICE", "Only these services.")));

  private final JcomposeCommand global;
  private final Values line;

  public TopCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    Set<String> services = CommandValues.services(line);
    try (ProjectSession session = ProjectSession.open(global, true)) {
      ServiceContainers.checkServices(session, services);
      PrintWriter out = global.context().out();
      for (ContainerSummary container : ServiceContainers.of(session, services, false, false)) {
        ProcessList processes;
        try {
          processes = session.tools().top(container.id());
        } catch (RuntimeFault.Conflict stoppedMeanwhile) {
          continue;
        } catch (RuntimeFault.NotFound missing) {
          if (missing.getMessage().contains("No such container")) {
            continue; // removed meanwhile
          }
          throw missing;
        }
        out.println(container.name());
        print(processes, out);
        out.println();
      }
      return ExitCode.OK;
    }
  }

  /** The table as docker compose prints it: tabwriter with minimum width 5 and padding 3. */
  static void print(ProcessList processes, PrintWriter out) {
    TabColumns.print(TabColumns.withHeaders(processes.titles(), processes.processes()), 5, out);
  }
}
