package io.jcompose.cli.line;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/**
 * The slow path, and the reference: picocli built from the same {@link Grammar} (no annotations),
 * for what {@link LineParser} leaves to it. It prints help and the version, reports usage errors
 * (exit code 2, with a pointer to {@code --help}), and turns a line it accepts into the same {@link
 * ParsedLine} the fast parser would have produced. Completion scripts come from {@link
 * #commandLine} too.
 */
public final class PicocliLine {

  private PicocliLine() {}

  /**
   * What reading the line came to: a line to run, or an exit code when picocli has already answered
   * (help, version, a usage error).
   *
   * @param line the parsed line, when there is a command to run
   * @param exitCode the exit code when there is not
   */
  public record Outcome(Optional<ParsedLine> line, int exitCode) {}

  /** picocli's command line for {@code grammar}; {@code versionText} answers {@code --version}. */
  public static CommandLine commandLine(Grammar grammar, String versionText) {
    CommandSpec root = spec(grammar.root(), List.of());
    root.version(versionText);
    List<Option> inherited = new java.util.ArrayList<>();
    for (Option option : grammar.root().options()) {
      if (option.inherited()) {
        inherited.add(option);
      }
    }
    for (Verb verb : grammar.verbs()) {
      root.addSubcommand(verb.name(), spec(verb, inherited));
    }
    // `jcompose help [COMMAND]`, as docker compose has it; only ever on this slow path.
    root.addSubcommand("help", new CommandLine(new CommandLine.HelpCommand()));
    return new CommandLine(root);
  }

  /** Reads {@code args} with picocli; usage errors go to {@code err}, help to {@code out}. */
  public static Outcome parse(
      Grammar grammar, String[] args, String versionText, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = commandLine(grammar, versionText).setOut(out).setErr(err);
    try {
      ParseResult parsed = commandLine.parseArgs(args);
      if (CommandLine.printHelpIfRequested(parsed)) {
        return new Outcome(Optional.empty(), 0);
      }
      if (!parsed.hasSubcommand()) {
        throw new ParameterException(commandLine, "Missing required subcommand");
      }
      return new Outcome(Optional.of(toLine(grammar, parsed)), 0);
    } catch (ParameterException e) {
      err.println(grammar.root().name() + ": " + e.getMessage());
      String name = e.getCommandLine().getCommandSpec().qualifiedName();
      err.println("Run '" + name + " --help' for usage.");
      return new Outcome(Optional.empty(), 2);
    }
  }

  private static ParsedLine toLine(Grammar grammar, ParseResult parsed) {
    ParseResult subcommand = parsed.subcommand();
    Verb verb = grammar.verb(subcommand.commandSpec().name());
    var global = new Values.Builder();
    var local = new Values.Builder();
    collect(parsed, grammar.root().options(), global);
    for (Option option : grammar.root().options()) {
      if (option.inherited() && !global.has(option)) {
        collect(subcommand, List.of(option), global);
      }
    }
    collect(subcommand, verb.options(), local);
    for (PositionalParamSpec positional : subcommand.commandSpec().positionalParameters()) {
      if (subcommand.hasMatchedPositional(positional)) {
        for (String value : strings(positional.getValue())) {
          local.positional(value);
        }
      }
    }
    return new ParsedLine(verb.name(), global.build(), local.build());
  }

  private static void collect(ParseResult parsed, List<Option> options, Values.Builder values) {
    for (Option option : options) {
      OptionSpec spec = parsed.commandSpec().findOption(option.key());
      if (option.kind() != Option.Kind.HELP
          && option.kind() != Option.Kind.VERSION
          && parsed.hasMatchedOption(spec)) {
        for (String value : strings(spec.getValue())) {
          values.add(option, value);
        }
      }
    }
  }

  private static List<String> strings(Object value) {
    if (value instanceof Boolean) {
      return List.of("true");
    }
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  private static CommandSpec spec(Verb verb, List<Option> inherited) {
    CommandSpec spec = CommandSpec.create().name(verb.name());
    spec.usageMessage().description(verb.description()).sortOptions(false).autoWidth(true);
    spec.parser().stopAtPositional(verb.optionsEndAtPositional());
    for (Option option : verb.options()) {
      spec.addOption(option(option));
    }
    for (Option option : inherited) {
      spec.addOption(option(option));
    }
    int index = 0;
    for (Positional positional : verb.positionals()) {
      spec.addPositional(positional(positional, index));
      index = positional.max() == Positional.UNBOUNDED ? index : index + positional.max();
    }
    return spec;
  }

  private static OptionSpec option(Option option) {
    OptionSpec.Builder builder =
        OptionSpec.builder(option.names().toArray(new String[0])).description(option.description());
    switch (option.kind()) {
      case HELP -> builder.usageHelp(true).arity("0").type(boolean.class);
      case VERSION -> builder.versionHelp(true).arity("0").type(boolean.class);
      case FLAG -> builder.arity("0").type(boolean.class);
      case VALUE -> {
        builder.arity("1").paramLabel(option.paramLabel());
        if (option.repeatable()) {
          builder.type(List.class).auxiliaryTypes(String.class);
        } else {
          builder.type(String.class);
        }
        if (!option.allowedValues().isEmpty()) {
          builder.completionCandidates(option.allowedValues());
        }
        if (!option.allowedValues().isEmpty() || option.integer()) {
          builder.converters(new Checked(option));
        }
        option.defaultValue().ifPresent(builder::defaultValue);
      }
    }
    return builder.build();
  }

  private static PositionalParamSpec positional(Positional positional, int index) {
    var builder =
        PositionalParamSpec.builder()
            .paramLabel(positional.paramLabel())
            .description(positional.description())
            .arity(positional.arity());
    if (positional.max() == 1) {
      return builder.index(Integer.toString(index)).type(String.class).build();
    }
    String last =
        positional.max() == Positional.UNBOUNDED
            ? "*"
            : Integer.toString(index + positional.max() - 1);
    return builder.index(index + ".." + last).type(List.class).auxiliaryTypes(String.class).build();
  }

  /** Checks a value as {@link Option#accept} does, with the messages picocli gives. */
  private static final class Checked implements ITypeConverter<String> {
    private final Option option;

    Checked(Option option) {
      this.option = option;
    }

    @Override
    public String convert(String value) {
      String accepted = option.accept(value);
      if (accepted == null && option.integer()) {
        throw new TypeConversionException("'" + value + "' is not an int");
      }
      if (accepted == null) {
        throw new TypeConversionException(
            "expected one of "
                + option.allowedValues()
                + " (case-insensitive) but was '"
                + value
                + "'");
      }
      return accepted;
    }
  }
}
