package io.jcompose.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The entry point: parses the command line with picocli, runs the sub-command and maps what went
 * wrong to an exit code (0 ok, 1 failure, 2 usage, 3 invalid project, 130 interrupted). User errors
 * print one line; {@code --debug} adds the stack trace.
 *
 * <p>Start-up matters here: the handlers are nested classes rather than lambdas, because the first
 * lambda of a run costs several milliseconds of bootstrap that the CDS archive does not remove.
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
    var root = new JcomposeCommand(context);
    var commandLine = new CommandLine(root);
    commandLine
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(context.out())
        .setErr(context.err())
        .setParameterExceptionHandler(new UsageError(context))
        .setExecutionExceptionHandler(new Failure(root));
    try {
      return commandLine.execute(args);
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  /** A picocli parameter error: one line, a pointer to --help, exit code 2. */
  private static final class UsageError implements IParameterExceptionHandler {
    private final CliContext context;

    UsageError(CliContext context) {
      this.context = context;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
      var err = context.err();
      err.println("jcompose: " + e.getMessage());
      String name = e.getCommandLine().getCommandSpec().qualifiedName();
      err.println("Run '" + name + " --help' for usage.");
      return ExitCode.USAGE;
    }
  }

  /**
   * An exception out of a command: interrupted (130), a user's mistake (one line), or an internal
   * error (one line and a pointer to --debug).
   */
  private static final class Failure implements IExecutionExceptionHandler {
    private final JcomposeCommand root;

    Failure(JcomposeCommand root) {
      this.root = root;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
      var err = root.context().err();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        err.println("jcompose: interrupted");
        return ExitCode.INTERRUPTED;
      }
      if (e instanceof UserException user) {
        err.println("jcompose: " + user.getMessage());
        if (root.debug()) {
          e.printStackTrace(err);
        }
        return user.exitCode();
      }
      err.println("jcompose: internal error: " + e);
      if (root.debug()) {
        e.printStackTrace(err);
      } else {
        err.println("Run again with --debug to see the stack trace.");
      }
      return ExitCode.FAILURE;
    }
  }
}
