package io.jcompose.cli;

import io.jcompose.cli.command.AttachCommand;
import io.jcompose.cli.command.ConfigCommand;
import io.jcompose.cli.command.CpCommand;
import io.jcompose.cli.command.DownCommand;
import io.jcompose.cli.command.EngineCommand;
import io.jcompose.cli.command.EventsCommand;
import io.jcompose.cli.command.ExecCommand;
import io.jcompose.cli.command.ImageCommand;
import io.jcompose.cli.command.ImagesCommand;
import io.jcompose.cli.command.LifecycleCommand;
import io.jcompose.cli.command.LogsCommand;
import io.jcompose.cli.command.LsCommand;
import io.jcompose.cli.command.PauseCommand;
import io.jcompose.cli.command.PortCommand;
import io.jcompose.cli.command.PsCommand;
import io.jcompose.cli.command.PushCommand;
import io.jcompose.cli.command.RunCommand;
import io.jcompose.cli.command.StatsCommand;
import io.jcompose.cli.command.TopCommand;
import io.jcompose.cli.command.UpCommand;
import io.jcompose.cli.command.VersionCommand;
import io.jcompose.cli.command.WaitCommand;
import io.jcompose.cli.line.LineParser;
import io.jcompose.cli.line.ParsedLine;
import io.jcompose.cli.line.PicocliLine;
import java.io.PrintWriter;

/**
 * The entry point: reads the command line, runs the verb and maps what went wrong to an exit code
 * (0 ok, 1 failure, 2 usage, 3 invalid project, 130 interrupted). User errors print one line;
 * {@code --debug} adds the stack trace.
 *
 * <p>Start-up matters here. The line is read by {@link LineParser} from the {@link
 * JcomposeCommand#GRAMMAR} data, without picocli, whose reflection and set-up cost about 75 ms per
 * start. picocli, built from the same grammar, only runs when the fast parser gives up: help,
 * version, usage errors (see {@link PicocliLine}). Nested classes stand in for lambdas on the start
 * path, because the first lambda of a run costs several milliseconds of bootstrap that the CDS
 * archive does not remove.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, CliContext.system());
    System.out.flush();
    System.exit(code);
  }

  /** Runs jcompose with {@code args} against {@code context} and returns the exit code. */
  public static int run(String[] args, CliContext context) {
    try {
      ParsedLine line = LineParser.parse(JcomposeCommand.GRAMMAR, args);
      if (line == null) {
        PicocliLine.Outcome outcome =
            PicocliLine.parse(
                JcomposeCommand.GRAMMAR,
                args,
                "jcompose version " + Version.current(),
                context.out(),
                context.err());
        if (outcome.line().isEmpty()) {
          return outcome.exitCode();
        }
        line = outcome.line().get();
      }
      return execute(line, new JcomposeCommand(context, line.global()));
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  private static int execute(ParsedLine line, JcomposeCommand global) {
    try {
      return call(line, global);
    } catch (Exception e) {
      return failure(e, global);
    }
  }

  /** Runs the verb; every verb of {@link JcomposeCommand#GRAMMAR} has a case here. */
  static int call(ParsedLine line, JcomposeCommand global) throws Exception {
    switch (line.verb()) {
      case "config":
        return new ConfigCommand(global, line.local()).call();
      case "version":
        return new VersionCommand(global, line.local()).call();
      case "engine":
        return new EngineCommand(global, line.local()).call();
      case "up":
        return new UpCommand(global, line.local(), false).call();
      case "create":
        return new UpCommand(global, line.local(), true).call();
      case "down":
        return new DownCommand(global, line.local()).call();
      case "ps":
        return new PsCommand(global, line.local()).call();
      case "logs":
        return new LogsCommand(global, line.local()).call();
      case "start":
      case "stop":
      case "restart":
      case "rm":
      case "kill":
        return new LifecycleCommand(global, line.local(), line.verb()).call();
      case "pull":
        return new ImageCommand(global, line.local(), true).call();
      case "build":
        return new ImageCommand(global, line.local(), false).call();
      case "push":
        return new PushCommand(global, line.local()).call();
      case "ls":
        return new LsCommand(global, line.local()).call();
      case "cp":
        return new CpCommand(global, line.local()).call();
      case "top":
        return new TopCommand(global, line.local()).call();
      case "port":
        return new PortCommand(global, line.local()).call();
      case "events":
        return new EventsCommand(global, line.local()).call();
      case "wait":
        return new WaitCommand(global, line.local()).call();
      case "images":
        return new ImagesCommand(global, line.local()).call();
      case "pause":
        return new PauseCommand(global, line.local(), true).call();
      case "unpause":
        return new PauseCommand(global, line.local(), false).call();
      case "stats":
        return new StatsCommand(global, line.local()).call();
      case "exec":
        return new ExecCommand(global, line.local()).call();
      case "run":
        return new RunCommand(global, line.local()).call();
      case "attach":
        return new AttachCommand(global, line.local()).call();
      default:
        throw new IllegalStateException("no command for the verb " + line.verb());
    }
  }

  /**
   * An exception out of a command: interrupted (130), a user's mistake (one line), or an internal
   * error (one line and a pointer to --debug).
   */
  private static int failure(Exception e, JcomposeCommand global) {
    PrintWriter err = global.context().err();
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      err.println("jcompose: interrupted");
      return ExitCode.INTERRUPTED;
    }
    if (e instanceof UserException.Reported reported) {
      return reported.exitCode();
    }
    if (isOperationalFailure(e)) {
      err.println("jcompose: " + e.getMessage());
      io.jcompose.cli.render.NotReadyReport.print(e, err);
      if (global.debug()) {
        e.printStackTrace(err);
      }
      return ExitCode.FAILURE;
    }
    if (e instanceof UserException user) {
      err.println("jcompose: " + user.getMessage());
      if (global.debug()) {
        e.printStackTrace(err);
      }
      return user.exitCode();
    }
    err.println("jcompose: internal error: " + e);
    if (global.debug()) {
      e.printStackTrace(err);
    } else {
      err.println("Run again with --debug to see the stack trace.");
    }
    return ExitCode.FAILURE;
  }

  /**
   * What goes wrong while working on an endpoint and is told as one line: a plan that cannot be
   * made, a failed operation, a failed or timed-out wait, the endpoint's refusal.
   */
  private static boolean isOperationalFailure(Exception e) {
    return e instanceof io.jcompose.planner.reconcile.ReconcileException
        || e instanceof io.jcompose.planner.graph.DependencyCycleException
        || e instanceof io.jcompose.planner.execute.PlanFailedException
        || e instanceof io.jcompose.planner.wait.WaitFailure
        || e instanceof io.jcompose.planner.spi.RuntimeFault;
  }
}
