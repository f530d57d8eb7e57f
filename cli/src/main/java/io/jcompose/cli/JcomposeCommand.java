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
import io.jcompose.cli.line.Grammar;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The global command: its options (DESIGN.md §6, compose-inventory.md §3), the {@link #GRAMMAR} of
 * the whole line, and what the global options come to once parsed. Verbs receive it.
 */
public final class JcomposeCommand {

  /** {@code --progress} renderers. */
  public enum Progress {
    auto,
    tty,
    plain,
    json,
    quiet
  }

  /** {@code --ansi} modes. */
  public enum Ansi {
    auto,
    never,
    always
  }

  /** {@code --engine} choices. */
  public enum Engine {
    auto,
    docker,
    bundled
  }

  static final Option FILE =
      Option.value(
              "FILE",
              "Compose configuration files ('-' reads standard input); repeatable.",
              "-f",
              "--file")
          .asRepeatable();
  static final Option PROJECT_NAME = Option.value("NAME", "Project name.", "-p", "--project-name");
  static final Option PROFILE =
      Option.value("PROFILE", "Enable a profile; repeatable.", "--profile").asRepeatable();
  static final Option ENV_FILE =
      Option.value("FILE", "Alternate environment file; repeatable.", "--env-file").asRepeatable();
  static final Option PROJECT_DIRECTORY =
      Option.value(
          "DIR",
          "Alternate working directory (default: the directory of the first file).",
          "--project-directory");
  static final Option PARALLEL =
      Option.value(
              "N",
              "Maximum parallel engine operations, -1 for unlimited (env COMPOSE_PARALLEL_LIMIT).",
              "--parallel")
          .withIntegerValue();
  static final Option PROGRESS =
      Option.value(
              "MODE",
              "Progress output: ${COMPLETION-CANDIDATES} (env COMPOSE_PROGRESS).",
              "--progress")
          .withAllowedValues(names(Progress.values()));
  static final Option ANSI =
      Option.value(
              "WHEN", "Control characters: ${COMPLETION-CANDIDATES} (env COMPOSE_ANSI).", "--ansi")
          .withAllowedValues(names(Ansi.values()));
  static final Option DRY_RUN =
      Option.flag("Show what would be done without changing anything.", "--dry-run");
  static final Option HOST =
      Option.value(
          "URL",
          "Docker API endpoint (default: DOCKER_HOST, the context, the local socket).",
          "-H",
          "--host");
  static final Option DOCKER_CONTEXT = Option.value("NAME", "Docker context to use.", "--context");
  static final Option ENGINE =
      Option.value("KIND", "Engine: ${COMPLETION-CANDIDATES} (env JCOMPOSE_ENGINE).", "--engine")
          .withAllowedValues(names(Engine.values()));
  static final Option DEBUG =
      Option.flag("Show stack traces and debug output.", "--debug").asInherited();

  /** The global command's line. */
  public static final Verb ROOT =
      new Verb(
          "jcompose",
          "Define and run multi-container applications (docker compose compatible).",
          List.of(
              FILE,
              PROJECT_NAME,
              PROFILE,
              ENV_FILE,
              PROJECT_DIRECTORY,
              PARALLEL,
              PROGRESS,
              ANSI,
              DRY_RUN,
              HOST,
              DOCKER_CONTEXT,
              ENGINE,
              DEBUG,
              Option.help(),
              Option.version()),
          List.of());

  /** The whole command line: the global options and every verb. */
  public static final Grammar GRAMMAR =
      new Grammar(
          ROOT,
          List.of(
              UpCommand.VERB,
              DownCommand.VERB,
              PsCommand.VERB,
              LogsCommand.VERB,
              ConfigCommand.VERB,
              UpCommand.CREATE_VERB,
              LifecycleCommand.START,
              LifecycleCommand.STOP_VERB,
              LifecycleCommand.RESTART,
              LifecycleCommand.RM,
              LifecycleCommand.KILL,
              ImageCommand.PULL_VERB,
              ImageCommand.BUILD_VERB,
              PushCommand.VERB,
              ExecCommand.VERB,
              RunCommand.VERB,
              AttachCommand.VERB,
              LsCommand.VERB,
              CpCommand.VERB,
              TopCommand.VERB,
              PortCommand.VERB,
              EventsCommand.VERB,
              WaitCommand.VERB,
              ImagesCommand.VERB,
              PauseCommand.PAUSE,
              PauseCommand.UNPAUSE,
              StatsCommand.VERB,
              VersionCommand.VERB,
              EngineCommand.VERB));

  private final CliContext context;
  private final Values values;

  public JcomposeCommand(CliContext context, Values values) {
    this.context = context;
    this.values = values;
  }

  public CliContext context() {
    return context;
  }

  public List<String> files() {
    return values.values(FILE);
  }

  public Optional<String> projectName() {
    return values.value(PROJECT_NAME);
  }

  public List<String> profiles() {
    return values.values(PROFILE);
  }

  public List<String> envFiles() {
    return values.values(ENV_FILE);
  }

  public Optional<String> projectDirectory() {
    return values.value(PROJECT_DIRECTORY);
  }

  public boolean dryRun() {
    return values.has(DRY_RUN);
  }

  public boolean debug() {
    return values.has(DEBUG);
  }

  public Optional<String> host() {
    return values.value(HOST);
  }

  public Optional<String> dockerContext() {
    return values.value(DOCKER_CONTEXT);
  }

  /** {@code --parallel}, else COMPOSE_PARALLEL_LIMIT, else -1 (unlimited). */
  public int parallel() {
    Optional<String> given = values.value(PARALLEL);
    if (given.isPresent()) {
      return Integer.parseInt(given.get()); // both parsers checked it
    }
    String fromEnvironment = context.environment().get("COMPOSE_PARALLEL_LIMIT");
    try {
      return fromEnvironment == null ? -1 : Integer.parseInt(fromEnvironment.trim());
    } catch (NumberFormatException e) {
      throw new UserException(
          "COMPOSE_PARALLEL_LIMIT must be a number, got \"" + fromEnvironment + "\"",
          ExitCode.USAGE,
          e);
    }
  }

  /** {@code --progress}, else COMPOSE_PROGRESS, else auto. */
  public Progress progress() {
    Optional<String> given = values.value(PROGRESS);
    return given.isPresent()
        ? Progress.valueOf(given.get())
        : fromEnvironment("COMPOSE_PROGRESS", Progress.class, Progress.auto);
  }

  /** {@code --ansi}, else COMPOSE_ANSI, else never when NO_COLOR is set, else auto. */
  public Ansi ansi() {
    Optional<String> given = values.value(ANSI);
    if (given.isPresent()) {
      return Ansi.valueOf(given.get());
    }
    Ansi fallback = context.environment().containsKey("NO_COLOR") ? Ansi.never : Ansi.auto;
    return fromEnvironment("COMPOSE_ANSI", Ansi.class, fallback);
  }

  /** {@code --engine}, else JCOMPOSE_ENGINE, else auto. */
  public Engine engine() {
    Optional<String> given = values.value(ENGINE);
    return given.isPresent()
        ? Engine.valueOf(given.get())
        : fromEnvironment("JCOMPOSE_ENGINE", Engine.class, Engine.auto);
  }

  private <E extends Enum<E>> E fromEnvironment(String variable, Class<E> type, E fallback) {
    String value = context.environment().get(variable);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserException(
          variable + " has an unknown value \"" + value + "\"", ExitCode.USAGE, e);
    }
  }

  /** The constants' names, in order: an option's allowed values. */
  static List<String> names(Enum<?>[] constants) {
    var names = new ArrayList<String>(constants.length);
    for (Enum<?> constant : constants) {
      names.add(constant.name());
    }
    return names;
  }
}
