package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose version}: prints jcompose's version. */
@Command(name = "version", description = "Show the jcompose version information.")
public final class VersionCommand implements Callable<Integer> {

  /** {@code --format} values. */
  public enum Format {
    pretty,
    json
  }

  @ParentCommand JcomposeCommand global;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "pretty",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--short", description = "Print only the version number.")
  boolean shortForm;

  @Override
  public Integer call() {
    var out = global.context().out();
    String version = Version.current();
    if (shortForm) {
      out.println(version);
    } else if (format == Format.json) {
      out.println("{\"version\":\"" + version + "\"}");
    } else {
      out.println("jcompose version " + version);
    }
    return ExitCode.OK;
  }
}
