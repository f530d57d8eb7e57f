package io.jcompose.planner.reconcile;

import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadResult;
import io.jcompose.model.load.ProjectLoader;
import io.jcompose.model.project.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Loads compose text the way the CLI does, as project {@code demo}. */
public final class Projects {

  private Projects() {}

  public static Project load(Path directory, String yaml, String... profiles) {
    return load(directory, yaml, LoadOptions.Stages.ALL, profiles);
  }

  /** Loads without the stages a test wants to get past (consistency, to reach a cycle). */
  public static Project load(
      Path directory, String yaml, LoadOptions.Stages stages, String... profiles) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("compose.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LoadResult result =
        ProjectLoader.load(
            LoadOptions.of(List.of(), directory, Map.of("HOME", "/root"))
                .withProjectName("demo")
                .withProfiles(List.of(profiles))
                .withStages(stages));
    if (!result.isValid()) {
      throw new AssertionError("fixture does not load: " + result.diagnostics());
    }
    Project project = result.project().orElseThrow();
    if (!result.bindingErrors().isEmpty()) {
      throw new AssertionError("fixture does not bind: " + result.bindingErrors());
    }
    return project;
  }
}
