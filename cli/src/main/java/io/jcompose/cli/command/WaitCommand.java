package io.jcompose.cli.command;

import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.UserException;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.reconcile.DownOptions;
import io.jcompose.planner.spi.ContainerSummary;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code jcompose wait SERVICE...}: blocks until the services' containers stop, printing {@code
 * container "ID" exited with status code N} for each, and returns the code of the first to stop.
 * With {@code --down-project} the project goes down as soon as the first one stopped.
 */
public final class WaitCommand {

  static final Option DOWN_PROJECT =
      Option.flag("Drops project when the first container stops.", "--down-project");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "wait",
          "Block until containers of all (or specified) services stop.",
          List.of(Option.help(), DOWN_PROJECT),
          List.of(new Positional("SERVICE", "The services to wait for.", 1, Positional.UNBOUNDED)));

  /** A container's end. */
  private record Exit(ContainerSummary container, int code) {}

  private final JcomposeCommand global;
  private final Values line;

  public WaitCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    Set<String> services = CommandValues.services(line);
    try (ProjectSession session = ProjectSession.open(global, true)) {
      ServiceContainers.checkServices(session, services);
      List<ContainerSummary> containers = ServiceContainers.of(session, services, true, false);
      if (containers.isEmpty()) {
        throw new UserException("no containers for project \"" + session.project().name() + "\"");
      }
      ExecutorService executor = Executors.newCachedThreadPool(new DaemonThreads("jcompose-wait"));
      try {
        var exits = new ExecutorCompletionService<Exit>(executor);
        for (ContainerSummary container : containers) {
          exits.submit(() -> new Exit(container, session.runtime().waitContainer(container.id())));
        }
        Integer first = null;
        for (int i = 0; i < containers.size(); i++) {
          Exit exit = outcome(exits);
          global
              .context()
              .out()
              .println(
                  "container \""
                      + exit.container().id()
                      + "\" exited with status code "
                      + exit.code());
          global.context().out().flush();
          if (first == null) {
            first = exit.code();
            if (line.has(DOWN_PROJECT)) {
              session
                  .compose()
                  .down(
                      session.project(),
                      new DownOptions(Optional.empty(), false, Optional.empty(), true));
              return first;
            }
          }
        }
        return first;
      } finally {
        executor.shutdownNow();
      }
    }
  }

  private static Exit outcome(ExecutorCompletionService<Exit> exits) throws InterruptedException {
    try {
      return exits.take().get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
  }
}
