package io.jcompose.cli;

import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadOptions.Stages;
import io.jcompose.model.load.LoadOptions.StdinSource;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Turns the global options, the environment and the current directory into {@link LoadOptions}. */
public final class ProjectRequest {

  private ProjectRequest() {}

  public static LoadOptions options(JcomposeCommand global, Stages stages) {
    CliContext context = global.context();
    Optional<Path> projectDirectory =
        global.projectDirectory().map(dir -> resolve(context.workingDirectory(), dir));
    StdinSource stdin =
        global.files().contains("-") ? context.stdin()::get : LoadOptions.StdinSource.NONE;
    return new LoadOptions(
        global.files(),
        projectDirectory,
        global.projectName(),
        global.profiles(),
        global.envFiles(),
        context.environment(),
        context.workingDirectory(),
        stdin,
        stages);
  }

  private static Path resolve(Path workingDirectory, String directory) {
    try {
      return workingDirectory.resolve(directory).normalize();
    } catch (InvalidPathException e) {
      throw new UserException(
          "invalid --project-directory \"" + directory + "\": " + e.getReason(), ExitCode.USAGE, e);
    }
  }
}
