package io.jcompose.cli.command;

import io.jcompose.adapter.ContainerStreams;
import io.jcompose.adapter.StreamConnection;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.StandardStreams;
import io.jcompose.cli.UserException;
import io.jcompose.cli.interactive.StreamRelay;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.ExecSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code jcompose exec SERVICE COMMAND [ARGS...]}: runs a command in a running service container,
 * with a TTY when jcompose's standard input and output are terminals (unless {@code -T}), standard
 * input forwarded; jcompose exits with the command's exit code.
 */
public final class ExecCommand {

  static final Option DETACH =
      Option.flag("Detached mode: run the command in the background.", "-d", "--detach");
  static final Option PRIVILEGED =
      Option.flag("Give extended privileges to the process.", "--privileged");
  static final Option USER = Option.value("USER", "Run the command as this user.", "-u", "--user");
  static final Option NO_TTY =
      Option.flag("Disable pseudo-TTY allocation (on by default on a terminal).", "-T", "--no-TTY");
  static final Option INDEX =
      Option.value(
              "N", "Index of the container if the service has replicas (default 1).", "--index")
          .withIntegerValue();
  static final Option ENV =
      Option.value("KEY=VALUE", "Set an environment variable; repeatable.", "-e", "--env")
          .asRepeatable();
  static final Option WORKDIR =
      Option.value("DIR", "Working directory of the command.", "-w", "--workdir");
  static final Option INTERACTIVE =
      Option.flag(
          "Keep STDIN open (the default; accepted for compatibility).", "-i", "--interactive");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
              "exec",
              "Execute a command in a running container.",
              List.of(
                  Option.help(),
                  DETACH,
                  PRIVILEGED,
                  USER,
                  NO_TTY,
                  INDEX,
                  ENV,
                  WORKDIR,
                  INTERACTIVE),
              List.of(
                  new Positional("SERVICE", "The service.", 1, 1),
                  new Positional(
                      "COMMAND", "The command and its arguments.", 1, Positional.UNBOUNDED)))
          .optionsEndingAtPositional();

  private final JcomposeCommand global;
  private final Values line;

  public ExecCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException, IOException {
    if (line.positionals().size() < 2) {
      throw new UserException("exec needs a SERVICE and a COMMAND", ExitCode.USAGE, null);
    }
    String serviceName = line.positionals().get(0);
    List<String> command = line.positionals().subList(1, line.positionals().size());
    int index = ServiceContainer.index(line, INDEX);
    StandardStreams streams = global.context().streams();
    boolean tty = !line.has(NO_TTY) && !line.has(DETACH) && streams.terminal();
    var spec =
        new ExecSpec(
            command,
            environment(),
            line.value(USER),
            line.value(WORKDIR),
            tty,
            line.has(PRIVILEGED));
    try (ProjectSession session = ProjectSession.open(global, true)) {
      session.finishProgress();
      ContainerSummary container = ServiceContainer.running(session, serviceName, index);
      ContainerStreams containerStreams = session.streams();
      if (line.has(DETACH)) {
        containerStreams.startExecDetached(
            containerStreams.createExec(container.id(), spec, false));
        return ExitCode.OK;
      }
      String execId = containerStreams.createExec(container.id(), spec, true);
      global.context().out().flush();
      ExecutorService stdinThread =
          Executors.newSingleThreadExecutor(new DaemonThreads("jcompose-stdin"));
      try (StreamConnection connection = containerStreams.startExec(execId, tty)) {
        var relay = new StreamRelay(connection, streams, Optional.empty());
        if (tty) {
          relay.runOnTerminal(true, stdinThread, size -> containerStreams.resizeExec(execId, size));
        } else {
          relay.run(true, stdinThread);
        }
      } finally {
        stdinThread.shutdownNow();
      }
      return containerStreams.execExitCode(execId);
    }
  }

  /** {@code -e KEY=VALUE}, or {@code -e KEY} for the value in jcompose's environment. */
  private List<String> environment() {
    var entries = new ArrayList<String>();
    CommandValues.pairs(line, ENV, global.context().environment()::get)
        .forEach((key, value) -> entries.add(key + "=" + value));
    return entries;
  }
}
