package io.jcompose.cli;

import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadOptions.Stages;
import io.jcompose.model.load.LoadOptions.StdinSource;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Turns the global options, the environment and the current directory into {@link LoadOptions}. */
public final class ProjectRequest {

  private ProjectRequest() {}

  public static LoadOptions options(JcomposeCommand global, Stages stages) {
    CliContext context = global.context();
    Optional<String> directory = global.projectDirectory();
    Optional<Path> projectDirectory =
        directory.isPresent()
            ? Optional.of(resolve(context.workingDirectory(), directory.get()))
            : Optional.empty();
    StdinSource stdin =
        global.files().contains("-") ? new StandardInput(context) : LoadOptions.StdinSource.NONE;
    return new LoadOptions(
        new LoadOptions.Sources(global.files(), projectDirectory, global.envFiles(), stdin),
        new LoadOptions.Selection(global.projectName(), global.profiles(), List.of()),
        new LoadOptions.Invocation(context.environment(), context.workingDirectory()),
        stages);
  }

  /** Standard input for {@code -f -} (a nested class, not a method reference: see {@link Main}). */
  private static final class StandardInput implements StdinSource {
    private final CliContext context;

    StandardInput(CliContext context) {
      this.context = context;
    }

    @Override
    public String read() {
      return context.stdin().get();
    }
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
