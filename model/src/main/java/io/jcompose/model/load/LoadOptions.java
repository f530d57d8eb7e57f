package io.jcompose.model.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user gave on the command line and in the environment, before any file is read.
 *
 * @param sources where the model comes from
 * @param selection which project, and which of its services
 * @param invocation the process the loader runs for
 * @param stages which optional stages run
 */
public record LoadOptions(
    Sources sources, Selection selection, Invocation invocation, Stages stages) {

  public LoadOptions {
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(invocation, "invocation");
    Objects.requireNonNull(stages, "stages");
  }

  /** Options for loading {@code files} from {@code workingDirectory} with the given environment. */
  public static LoadOptions of(
      List<String> files, Path workingDirectory, Map<String, String> environment) {
    return new LoadOptions(
        new Sources(files, Optional.empty(), List.of(), StdinSource.NONE),
        new Selection(Optional.empty(), List.of(), List.of()),
        new Invocation(environment, workingDirectory),
        Stages.ALL);
  }

  public LoadOptions withProjectDirectory(Path directory) {
    var changed =
        new Sources(sources.files(), Optional.of(directory), sources.envFiles(), sources.stdin());
    return new LoadOptions(changed, selection, invocation, stages);
  }

  public LoadOptions withEnvFiles(List<String> envFiles) {
    var changed =
        new Sources(sources.files(), sources.projectDirectory(), envFiles, sources.stdin());
    return new LoadOptions(changed, selection, invocation, stages);
  }

  public LoadOptions withStdin(StdinSource stdin) {
    var changed =
        new Sources(sources.files(), sources.projectDirectory(), sources.envFiles(), stdin);
    return new LoadOptions(changed, selection, invocation, stages);
  }

  public LoadOptions withProjectName(String name) {
    var changed = new Selection(Optional.of(name), selection.profiles(), selection.services());
    return new LoadOptions(sources, changed, invocation, stages);
  }

  public LoadOptions withProfiles(List<String> profiles) {
    var changed = new Selection(selection.projectName(), profiles, selection.services());
    return new LoadOptions(sources, changed, invocation, stages);
  }

  public LoadOptions withServices(List<String> services) {
    var changed = new Selection(selection.projectName(), selection.profiles(), services);
    return new LoadOptions(sources, changed, invocation, stages);
  }

  public LoadOptions withStages(Stages newStages) {
    return new LoadOptions(sources, selection, invocation, newStages);
  }

  /**
   * Where the model comes from.
   *
   * @param files {@code -f} files in order ({@code "-"} is stdin); empty means COMPOSE_FILE or
   *     discovery
   * @param projectDirectory {@code --project-directory}
   * @param envFiles {@code --env-file} flags (empty means COMPOSE_ENV_FILES or {@code .env})
   * @param stdin the text of standard input, read only when a file is {@code "-"}
   */
  public record Sources(
      List<String> files,
      Optional<Path> projectDirectory,
      List<String> envFiles,
      StdinSource stdin) {
    public Sources {
      files = List.copyOf(files);
      Objects.requireNonNull(projectDirectory, "projectDirectory");
      envFiles = List.copyOf(envFiles);
      Objects.requireNonNull(stdin, "stdin");
    }
  }

  /**
   * Which project, and which of its services.
   *
   * @param projectName {@code -p}
   * @param profiles {@code --profile} flags (empty means COMPOSE_PROFILES)
   * @param services services named on the command line: their profiles become active
   */
  public record Selection(
      Optional<String> projectName, List<String> profiles, List<String> services) {
    public Selection {
      Objects.requireNonNull(projectName, "projectName");
      profiles = List.copyOf(profiles);
      services = List.copyOf(services);
    }
  }

  /**
   * The process the loader runs for.
   *
   * @param environment its environment
   * @param workingDirectory its current directory
   */
  public record Invocation(Map<String, String> environment, Path workingDirectory) {
    public Invocation {
      environment = Map.copyOf(environment);
      Objects.requireNonNull(workingDirectory, "workingDirectory");
    }
  }

  /** Supplies standard input when a compose file is {@code "-"}. */
  @FunctionalInterface
  public interface StdinSource {
    /** No standard input (a nested class rather than a lambda: it is on every start-up). */
    StdinSource NONE = new NoInput();

    String read();
  }

  private static final class NoInput implements StdinSource {
    @Override
    public String read() {
      return "";
    }
  }

  /**
   * The optional stages of the pipeline, as {@code config}'s flags switch them off.
   *
   * @param interpolate {@code --no-interpolate} turns it off
   * @param normalize {@code --no-normalize} turns it off
   * @param resolvePaths {@code --no-path-resolution} turns it off
   * @param consistency {@code --no-consistency} turns it off
   */
  public record Stages(
      boolean interpolate, boolean normalize, boolean resolvePaths, boolean consistency) {
    public static final Stages ALL = new Stages(true, true, true, true);
  }
}
