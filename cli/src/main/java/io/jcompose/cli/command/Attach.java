package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.render.logs.ContainerExit;
import io.jcompose.cli.render.logs.LogFollower;
import io.jcompose.cli.render.logs.LogPrinter;
import io.jcompose.planner.graph.ServiceGraph;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.plan.Plan;
import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Attached {@code up}: the services' output streamed from before they start until they stop, as
 * docker compose does. It ends when every attached container has stopped (exit 0, or the exit code
 * of {@code --exit-code-from}'s container), when a container exits under {@code
 * --abort-on-container-exit} / {@code --abort-on-container-failure} (the project is stopped, the
 * exit code passes through), or on Ctrl-C (a graceful stop; a second Ctrl-C kills; exit 130).
 */
final class Attach implements AutoCloseable {

  /**
   * @param services the services {@code up} targets; empty for all
   * @param dependencies {@code --attach-dependencies}
   * @param attach {@code --attach}: only these
   * @param noAttach {@code --no-attach}: not these
   * @param timeout {@code -t}, for the stop that ends the run
   */
  record Settings(
      Set<String> services,
      boolean dependencies,
      Set<String> attach,
      Set<String> noAttach,
      boolean abortOnExit,
      boolean abortOnFailure,
      Optional<String> exitCodeFrom,
      Optional<Duration> timeout,
      boolean timestamps,
      boolean color,
      boolean prefix) {}

  private enum Outcome {
    ALL_STOPPED,
    ABORT,
    INTERRUPTED
  }

  private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
  private static final Duration LAST_LINES_WAIT = Duration.ofSeconds(2);

  private final ProjectSession session;
  private final Settings settings;
  private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
  private volatile ContainerExit abortingExit;
  private volatile java.time.Instant attachedAt = java.time.Instant.EPOCH;
  private LogFollower follower;
  private Interrupts interrupts;

  Attach(ProjectSession session, Settings settings) {
    this.session = session;
    this.settings = settings;
  }

  /** Starts following, before {@code up} starts the containers, so that no line is missed. */
  void start() {
    attachedAt = java.time.Instant.now().minusSeconds(1);
    PrintWriter out = session.global().context().out();
    var printer = new LogPrinter(out, settings.color(), settings.prefix(), settings.timestamps());
    var options =
        new LogOptions(
            true, Optional.of(0), Optional.empty(), Optional.empty(), settings.timestamps());
    follower =
        new LogFollower(
                session.runtime(), session.project().name(), attachedServices(), options, printer)
            .onExit(this::exited)
            .start();
  }

  /** Waits for the end of the run (see the class comment) and returns the exit code. */
  int await() throws InterruptedException {
    PrintWriter err = session.global().context().err();
    interrupts =
        Interrupts.install(
            () -> outcome.complete(Outcome.INTERRUPTED),
            () -> {
              err.println("jcompose: killing the containers");
              err.flush();
              killAll();
            });
    Thread waiter =
        new Thread(
            () -> {
              try {
                follower.await();
                outcome.complete(Outcome.ALL_STOPPED);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "jcompose-attach");
    waiter.setDaemon(true);
    waiter.start();
    Thread poller = new Thread(this::poll, "jcompose-attach-poll");
    poller.setDaemon(true);
    poller.start();
    Outcome end;
    try {
      end = outcome.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      poller.interrupt();
    }
    if (end == Outcome.ALL_STOPPED) {
      follower.await(LAST_LINES_WAIT); // the poller may see the end before the last lines
    }
    switch (end) {
      case ABORT:
        err.println("Aborting on container exit...");
        err.flush();
        stopProject();
        follower.close();
        return settings.exitCodeFrom().isPresent()
            ? exitCodeOf(settings.exitCodeFrom().get())
            : abortingExit.exitCode();
      case INTERRUPTED:
        err.println("Gracefully stopping... (press Ctrl+C again to force)");
        err.flush();
        stopProject();
        follower.close();
        return ExitCode.INTERRUPTED;
      default:
        return settings.exitCodeFrom().isPresent()
            ? exitCodeOf(settings.exitCodeFrom().get())
            : ExitCode.OK;
    }
  }

  /**
   * The safety net under the follower's events: every second, the attached containers' states. Once
   * all of them have been seen stopped twice in a row the run is over; a container that stopped
   * after the attach began counts as an exit for the abort flags (once per stop).
   */
  private void poll() {
    Set<String> services = attachedServices();
    var judged = new java.util.HashSet<String>();
    int stoppedPolls = 0;
    try {
      while (!outcome.isDone()) {
        Thread.sleep(POLL_INTERVAL.toMillis());
        boolean anyRunning = false;
        boolean any = false;
        for (ContainerSummary container :
            session.runtime().listContainers(Labels.projectContainers(session.project().name()))) {
          if (Labels.TRUE.equals(container.label(Labels.ONEOFF))
              || !services.contains(container.label(Labels.SERVICE))) {
            continue;
          }
          any = true;
          if (container.status() == ContainerStatus.RUNNING
              || container.status() == ContainerStatus.RESTARTING
              || container.status() == ContainerStatus.CREATED) {
            anyRunning = true;
            continue;
          }
          ContainerDetails details = session.runtime().inspectContainer(container.id());
          if (details.finishedAt().isPresent()
              && details.finishedAt().get().isAfter(attachedAt)
              && judged.add(container.id() + "@" + details.finishedAt().get())) {
            exited(
                new ContainerExit(
                    container.id(),
                    container.name(),
                    container.label(Labels.SERVICE),
                    container.name(),
                    details.exitCode(),
                    details.finishedAt().get()));
          }
        }
        stoppedPolls = any && !anyRunning ? stoppedPolls + 1 : 0;
        if (stoppedPolls >= 2) {
          outcome.complete(Outcome.ALL_STOPPED);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeFault e) {
      // the endpoint went away: the follower's streams end and say so
    }
  }

  private synchronized void exited(ContainerExit exit) {
    boolean aborts = settings.abortOnExit() || (settings.abortOnFailure() && exit.exitCode() != 0);
    if (aborts && abortingExit == null) {
      abortingExit = exit;
      outcome.complete(Outcome.ABORT);
    }
  }

  private Set<String> attachedServices() {
    var project = session.project();
    Set<String> chosen;
    if (!settings.attach().isEmpty()) {
      chosen = new LinkedHashSet<>(settings.attach());
    } else if (settings.services().isEmpty()) {
      chosen = new LinkedHashSet<>(project.services().keySet());
    } else if (settings.dependencies()) {
      chosen = new LinkedHashSet<>(ServiceGraph.of(project).withDependencies(settings.services()));
    } else {
      chosen = new LinkedHashSet<>(settings.services());
    }
    if (settings.exitCodeFrom().isPresent()) {
      chosen.add(settings.exitCodeFrom().get());
    }
    chosen.removeAll(settings.noAttach());
    return chosen;
  }

  private void stopProject() throws InterruptedException {
    Plan stops = session.compose().planStop(session.project(), Set.of(), settings.timeout());
    session.compose().execute(session.project(), stops);
    session.finishProgress();
  }

  private void killAll() {
    for (ContainerSummary container :
        session.runtime().listContainers(Labels.projectContainers(session.project().name()))) {
      if (container.status() == ContainerStatus.RUNNING) {
        try {
          session.runtime().killContainer(container.id(), "SIGKILL");
        } catch (RuntimeFault e) {
          // it stopped meanwhile
        }
      }
    }
  }

  /** The exit code of the service's first container (docker compose's choice). */
  private int exitCodeOf(String serviceName) {
    ContainerSummary first = null;
    for (ContainerSummary container :
        session
            .runtime()
            .listContainers(Labels.serviceContainers(session.project().name(), serviceName))) {
      if (first == null || container.name().compareTo(first.name()) < 0) {
        first = container;
      }
    }
    if (first == null) {
      return ExitCode.FAILURE;
    }
    return session.runtime().inspectContainer(first.id()).exitCode();
  }

  @Override
  public void close() {
    if (interrupts != null) {
      interrupts.close();
    }
    if (follower != null) {
      follower.close();
    }
  }
}
