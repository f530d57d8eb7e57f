package io.jcompose.cli;

import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadResult;
import io.jcompose.model.project.Project;
import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;
import io.jcompose.schema.parse.YamlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * TEMPORARY stand-in for ProjectLoader until the real pipeline is merged: parses the first {@code
 * -f} file (or stdin) and returns its first document unchanged as the canonical model. Test code
 * only.
 */
public final class TestLoader {

  private TestLoader() {}

  public static LoadResult load(LoadOptions options) {
    String file = options.files().isEmpty() ? "compose.yaml" : options.files().get(0);
    String text;
    try {
      text =
          file.equals("-")
              ? options.stdin().read()
              : Files.readString(options.workingDirectory().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var parsed = YamlParser.parse(file, text);
    if (!parsed.diagnostics().isEmpty()) {
      return new LoadResult(Optional.empty(), Optional.empty(), parsed.diagnostics());
    }
    if (parsed.documents().isEmpty() || !(parsed.documents().get(0) instanceof MapNode root)) {
      var empty = Diagnostic.error(new Position(file, 1, 1), YamlPath.ROOT, "empty compose file");
      return new LoadResult(Optional.empty(), Optional.empty(), List.of(empty));
    }
    Path directory = options.projectDirectory().orElse(options.workingDirectory());
    String name =
        options
            .projectName()
            .or(() -> root.text("name"))
            .orElse(directory.getFileName().toString());
    var project = new Project(name, directory, List.of(directory.resolve(file)));
    return new LoadResult(Optional.of(root), Optional.of(project), List.of());
  }
}
