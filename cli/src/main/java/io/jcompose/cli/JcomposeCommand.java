package io.jcompose.cli;

import io.jcompose.cli.command.ConfigCommand;
import io.jcompose.cli.command.VersionCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root command and its global options (DESIGN.md §6, compose-inventory.md §3). Sub-commands
 * reach it through {@code @ParentCommand}.
 */
@Command(
    name = "jcompose",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Define and run multi-container applications (docker compose compatible).",
    subcommands = {ConfigCommand.class, VersionCommand.class},
    usageHelpAutoWidth = true,
    sortOptions = false)
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

  private final CliContext context;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Compose configuration files ('-' reads standard input); repeatable.")
  List<String> files = new ArrayList<>();

  @Option(
      names = {"-p", "--project-name"},
      paramLabel = "NAME",
      description = "Project name.")
  String projectName;

  @Option(
      names = "--profile",
      paramLabel = "PROFILE",
      description = "Enable a profile; repeatable.")
  List<String> profiles = new ArrayList<>();

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      description = "Alternate environment file; repeatable.")
  List<String> envFiles = new ArrayList<>();

  @Option(
      names = {"--project-directory"},
      paramLabel = "DIR",
      description = "Alternate working directory (default: the directory of the first file).")
  String projectDirectory;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description =
          "Maximum parallel engine operations, -1 for unlimited (env COMPOSE_PARALLEL_LIMIT).")
  Integer parallel;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      description = "Progress output: ${COMPLETION-CANDIDATES} (env COMPOSE_PROGRESS).")
  Progress progress;

  @Option(
      names = "--ansi",
      paramLabel = "WHEN",
      description = "Control characters: ${COMPLETION-CANDIDATES} (env COMPOSE_ANSI).")
  Ansi ansi;

  @Option(names = "--dry-run", description = "Show what would be done without changing anything.")
  boolean dryRun;

  @Option(
      names = {"-H", "--host"},
      paramLabel = "URL",
      description = "Docker API endpoint (default: DOCKER_HOST, the context, the local socket).")
  String host;

  @Option(names = "--context", paramLabel = "NAME", description = "Docker context to use.")
  String dockerContext;

  @Option(
      names = "--engine",
      paramLabel = "KIND",
      description = "Engine: ${COMPLETION-CANDIDATES} (env JCOMPOSE_ENGINE).")
  Engine engine;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces and debug output.")
  boolean debug;

  public JcomposeCommand(CliContext context) {
    this.context = context;
  }

  public CliContext context() {
    return context;
  }

  public List<String> files() {
    return List.copyOf(files);
  }

  public Optional<String> projectName() {
    return Optional.ofNullable(projectName);
  }

  public List<String> profiles() {
    return List.copyOf(profiles);
  }

  public List<String> envFiles() {
    return List.copyOf(envFiles);
  }

  public Optional<String> projectDirectory() {
    return Optional.ofNullable(projectDirectory);
  }

  public boolean dryRun() {
    return dryRun;
  }

  public boolean debug() {
    return debug;
  }

  public Optional<String> host() {
    return Optional.ofNullable(host);
  }

  public Optional<String> dockerContext() {
    return Optional.ofNullable(dockerContext);
  }

  /** {@code --parallel}, else COMPOSE_PARALLEL_LIMIT, else -1 (unlimited). */
  public int parallel() {
    if (parallel != null) {
      return parallel;
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
    return progress != null
        ? progress
        : fromEnvironment("COMPOSE_PROGRESS", Progress.class, Progress.auto);
  }

  /** {@code --ansi}, else COMPOSE_ANSI, else never when NO_COLOR is set, else auto. */
  public Ansi ansi() {
    if (ansi != null) {
      return ansi;
    }
    Ansi fallback = context.environment().containsKey("NO_COLOR") ? Ansi.never : Ansi.auto;
    return fromEnvironment("COMPOSE_ANSI", Ansi.class, fallback);
  }

  /** {@code --engine}, else JCOMPOSE_ENGINE, else auto. */
  public Engine engine() {
    return engine != null ? engine : fromEnvironment("JCOMPOSE_ENGINE", Engine.class, Engine.auto);
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
}
