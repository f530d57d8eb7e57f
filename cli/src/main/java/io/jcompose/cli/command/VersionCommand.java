package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.Version;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import java.io.PrintWriter;
import java.util.List;

/** {@code jcompose version}: prints jcompose's version. */
public final class VersionCommand {

  static final Option FORMAT =
      Option.value(
              "FORMAT",
              "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
              "-f",
              "--format")
          .withAllowedValues(List.of("pretty", "json"))
          .withDefault("pretty");
  static final Option SHORT = Option.flag("Print only the version number.", "--short");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "version",
          "Show the jcompose version information.",
          List.of(Option.help(), FORMAT, SHORT),
          List.of());

  private final JcomposeCommand global;
  private final Values line;

  public VersionCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() {
    PrintWriter out = global.context().out();
    String version = Version.current();
    if (line.has(SHORT)) {
      out.println(version);
    } else if (line.value(FORMAT).orElse("pretty").equals("json")) {
      out.print("{\"version\":\"");
      out.print(version);
      out.println("\"}");
    } else {
      out.print("jcompose version ");
      out.println(version);
    }
    return ExitCode.OK;
  }
}
