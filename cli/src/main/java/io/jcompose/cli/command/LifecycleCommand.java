package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.plan.PlanText;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.RuntimeFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code start}, {@code stop}, {@code restart}, {@code rm} and {@code kill} on the containers the
 * project has: nothing is created and no configuration is applied. They work from the labels alone
 * with {@code -p NAME} and no compose file.
 */
public final class LifecycleCommand {

  static final Positional SERVICES = Positional.any("SERVICE", "Only these services.");
  static final Option TIMEOUT =
      Option.value("SECONDS", "Shutdown timeout in seconds.", "-t", "--timeout");
  static final Option FORCE = Option.flag("Don't ask to confirm removal.", "-f", "--force");
  static final Option STOP =
      Option.flag("Stop the containers, if required, before removing.", "-s", "--stop");
  static final Option VOLUMES =
      Option.flag("Remove anonymous volumes attached to containers.", "-v", "--volumes");
  static final Option SIGNAL =
      Option.value("SIGNAL", "Signal to send to the container (default SIGKILL).", "-s", "--signal")
          .withDefault("SIGKILL");
  static final Option REMOVE_ORPHANS =
      Option.flag("Remove containers of services not in the compose file.", "--remove-orphans");
  static final Option NO_DEPS = Option.flag("Don't restart dependent services.", "--no-deps");

  public static final Verb START =
      new Verb("start", "Start services.", List.of(Option.help()), List.of(SERVICES));
  public static final Verb STOP_VERB =
      new Verb("stop", "Stop services.", List.of(Option.help(), TIMEOUT), List.of(SERVICES));
  public static final Verb RESTART =
      new Verb(
          "restart",
          "Restart service containers.",
          List.of(Option.help(), TIMEOUT, NO_DEPS),
          List.of(SERVICES));
  public static final Verb RM =
      new Verb(
          "rm",
          "Removes stopped service containers.",
          List.of(Option.help(), FORCE, STOP, VOLUMES),
          List.of(SERVICES));
  public static final Verb KILL =
      new Verb(
          "kill",
          "Force stop service containers.",
          List.of(Option.help(), SIGNAL, REMOVE_ORPHANS),
          List.of(SERVICES));

  private final JcomposeCommand global;
  private final Values line;
  private final String verb;

  public LifecycleCommand(JcomposeCommand global, Values line, String verb) {
    this.global = global;
    this.line = line;
    this.verb = verb;
  }

  public int call() throws InterruptedException {
    Set<String> services = CommandValues.services(line);
    try (ProjectSession session = ProjectSession.open(global, true)) {
      ServiceContainers.checkServices(session, services);
      if (verb.equals("kill")) {
        return kill(session, services);
      }
      var compose = session.compose();
      var project = session.project();
      Plan plan =
          switch (verb) {
            case "start" -> compose.planStart(project, services);
            case "stop" ->
                compose.planStop(project, services, CommandValues.seconds(line, TIMEOUT));
            case "restart" ->
                compose.planRestart(
                    project, services, CommandValues.seconds(line, TIMEOUT), !line.has(NO_DEPS));
            case "rm" ->
                compose.planRemove(
                    project,
                    services,
                    line.has(STOP),
                    line.has(VOLUMES),
                    CommandValues.seconds(line, TIMEOUT));
            default -> throw new IllegalStateException("no lifecycle verb " + verb);
          };
      if (global.dryRun()) {
        global.context().out().print(PlanText.render(plan));
        return ExitCode.OK;
      }
      if (plan.isEmpty() && verb.equals("rm")) {
        global.context().err().println("No stopped containers");
      }
      compose.execute(project, plan);
      return ExitCode.OK;
    }
  }

  private int kill(ProjectSession session, Set<String> services) throws InterruptedException {
    String signal = line.value(SIGNAL).orElse("SIGKILL");
    var targets = new ArrayList<ContainerSummary>();
    for (ContainerSummary container : ServiceContainers.of(session, services, false, false)) {
      boolean orphan =
          !session.fromLabelsOnly()
              && !session.project().services().containsKey(container.label(Labels.SERVICE));
      if (!orphan || line.has(REMOVE_ORPHANS)) {
        targets.add(container);
      }
    }
    if (global.dryRun()) {
      for (ContainerSummary target : targets) {
        global.context().out().println("container " + target.name() + ": kill " + signal);
      }
      return ExitCode.OK;
    }
    ExecutorService executor = Executors.newCachedThreadPool(new DaemonThreads("jcompose-kill"));
    try {
      var kills = new ArrayList<CompletableFuture<Void>>();
      for (ContainerSummary target : targets) {
        kills.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    session.runtime().killContainer(target.id(), signal);
                  } catch (RuntimeFault.Conflict notRunning) {
                    // it stopped meanwhile
                  }
                  global.context().err().println(" Container " + target.name() + "  Killed");
                },
                executor));
      }
      CompletableFuture.allOf(kills.toArray(CompletableFuture[]::new)).get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    } finally {
      executor.shutdownNow();
    }
    return ExitCode.OK;
  }
}
