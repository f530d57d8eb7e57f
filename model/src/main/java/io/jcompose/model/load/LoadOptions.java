package io.jcompose.model.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user gave on the command line and in the environment, before any file is read.
 *
 * @param files {@code -f} files in order ({@code "-"} is stdin); empty means COMPOSE_FILE or
 *     discovery
 * @param projectDirectory {@code --project-directory}
 * @param projectName {@code -p}
 * @param profiles {@code --profile} flags (empty means COMPOSE_PROFILES)
 * @param envFiles {@code --env-file} flags (empty means COMPOSE_ENV_FILES or {@code .env})
 * @param environment the OS environment
 * @param workingDirectory the current directory of the process
 * @param stdin the text of standard input, read only when a file is {@code "-"}
 * @param stages which optional stages run
 * @param services services named on the command line: their profiles become active
 */
public record LoadOptions(
    List<String> files,
    Optional<Path> projectDirectory,
    Optional<String> projectName,
    List<String> profiles,
    List<String> envFiles,
    Map<String, String> environment,
    Path workingDirectory,
    StdinSource stdin,
    Stages stages,
    List<String> services) {

  public LoadOptions {
    files = List.copyOf(files);
    Objects.requireNonNull(projectDirectory, "projectDirectory");
    Objects.requireNonNull(projectName, "projectName");
    profiles = List.copyOf(profiles);
    envFiles = List.copyOf(envFiles);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(stages, "stages");
    services = List.copyOf(services);
  }

  /** The options without services named on the command line. */
  public LoadOptions(
      List<String> files,
      Optional<Path> projectDirectory,
      Optional<String> projectName,
      List<String> profiles,
      List<String> envFiles,
      Map<String, String> environment,
      Path workingDirectory,
      StdinSource stdin,
      Stages stages) {
    this(
        files,
        projectDirectory,
        projectName,
        profiles,
        envFiles,
        environment,
        workingDirectory,
        stdin,
        stages,
        List.of());
  }

  /** Options for loading {@code files} from {@code workingDirectory} with the given environment. */
  public static LoadOptions of(
      List<String> files, Path workingDirectory, Map<String, String> environment) {
    return new LoadOptions(
        files,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        environment,
        workingDirectory,
        StdinSource.NONE,
        Stages.ALL);
  }

  public LoadOptions withProjectDirectory(Path directory) {
    return new LoadOptions(
        files,
        Optional.of(directory),
        projectName,
        profiles,
        envFiles,
        environment,
        workingDirectory,
        stdin,
        stages,
        services);
  }

  public LoadOptions withProjectName(String name) {
    return new LoadOptions(
        files,
        projectDirectory,
        Optional.of(name),
        profiles,
        envFiles,
        environment,
        workingDirectory,
        stdin,
        stages,
        services);
  }

  public LoadOptions withProfiles(List<String> newProfiles) {
    return new LoadOptions(
        files,
        projectDirectory,
        projectName,
        newProfiles,
        envFiles,
        environment,
        workingDirectory,
        stdin,
        stages,
        services);
  }

  public LoadOptions withEnvFiles(List<String> newEnvFiles) {
    return new LoadOptions(
        files,
        projectDirectory,
        projectName,
        profiles,
        newEnvFiles,
        environment,
        workingDirectory,
        stdin,
        stages,
        services);
  }

  public LoadOptions withStdin(StdinSource source) {
    return new LoadOptions(
        files,
        projectDirectory,
        projectName,
        profiles,
        envFiles,
        environment,
        workingDirectory,
        source,
        stages,
        services);
  }

  public LoadOptions withStages(Stages newStages) {
    return new LoadOptions(
        files,
        projectDirectory,
        projectName,
        profiles,
        envFiles,
        environment,
        workingDirectory,
        stdin,
        newStages,
        services);
  }

  /** Supplies standard input when a compose file is {@code "-"}. */
  @FunctionalInterface
  public interface StdinSource {
    StdinSource NONE = () -> "";

    String read();
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

  public LoadOptions withServices(List<String> newServices) {
    return new LoadOptions(
        files,
        projectDirectory,
        projectName,
        profiles,
        envFiles,
        environment,
        workingDirectory,
        stdin,
        stages,
        newServices);
  }
}
