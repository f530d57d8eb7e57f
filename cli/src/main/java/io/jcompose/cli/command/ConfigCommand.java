package io.jcompose.cli.command;

import io.jcompose.cli.CliContext;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.ProjectRequest;
import io.jcompose.cli.UserException;
import io.jcompose.cli.render.ConfigViews;
import io.jcompose.cli.render.DiagnosticReport;
import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadOptions.Stages;
import io.jcompose.model.load.LoadResult;
import io.jcompose.model.project.Project;
import io.jcompose.model.render.CanonicalJson;
import io.jcompose.model.render.CanonicalYaml;
import io.jcompose.schema.node.MapNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code jcompose config}: loads the project and prints its canonical model, or a view of it. */
@Command(
    name = "config",
    description = "Parse, resolve and render the compose file in canonical form.",
    sortOptions = false)
public final class ConfigCommand implements Callable<Integer> {

  /** {@code --format} values. */
  public enum Format {
    yaml,
    json
  }

  @ParentCommand JcomposeCommand global;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "yaml",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--services", description = "Print the service names, one per line.")
  boolean servicesView;

  @Option(names = "--volumes", description = "Print the volume names, one per line.")
  boolean volumesView;

  @Option(names = "--networks", description = "Print the network names, one per line.")
  boolean networksView;

  @Option(names = "--profiles", description = "Print the profile names, one per line.")
  boolean profilesView;

  @Option(names = "--images", description = "Print the image names, one per line.")
  boolean imagesView;

  @Option(
      names = "--hash",
      paramLabel = "SERVICE",
      description = "Print 'service hash' lines for the named services ('*' for all).")
  String hash;

  @Option(
      names = {"-q", "--quiet"},
      description = "Only validate the configuration, print nothing.")
  boolean quiet;

  @Option(names = "--no-interpolate", description = "Don't interpolate environment variables.")
  boolean noInterpolate;

  @Option(names = "--no-normalize", description = "Don't normalize the compose model.")
  boolean noNormalize;

  @Option(names = "--no-path-resolution", description = "Don't resolve file paths.")
  boolean noPathResolution;

  @Option(names = "--no-consistency", description = "Don't check the model for consistency.")
  boolean noConsistency;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the output to FILE instead of standard output.")
  String output;

  @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Only these services.")
  List<String> selected = new ArrayList<>();

  @Override
  public Integer call() {
    CliContext context = global.context();
    checkOneView();
    var stages = new Stages(!noInterpolate, !noNormalize, !noPathResolution, !noConsistency);
    LoadOptions options = ProjectRequest.options(global, stages).withServices(selected);
    if (profilesView) {
      // every profile the files define, whichever are active
      options = options.withProfiles(List.of("*"));
    }
    LoadResult result = context.loader().apply(options);
    if (!result.isValid()) {
      DiagnosticReport.print(result.diagnostics(), context.err());
      context.err().println(DiagnosticReport.invalidSummary(result.diagnostics()));
      return ExitCode.INVALID_PROJECT;
    }
    DiagnosticReport.print(result.warnings(), context.err());
    MapNode document =
        result
            .canonical()
            .orElseThrow(() -> new IllegalStateException("a valid load has no canonical model"));
    try {
      document = ConfigViews.restrict(document, selected);
    } catch (IllegalArgumentException e) {
      throw new UserException("no such service: " + e.getMessage());
    }
    if (quiet) {
      return ExitCode.OK;
    }
    write(context, render(document, projectName(document, result)));
    return ExitCode.OK;
  }

  private void checkOneView() {
    int views =
        (servicesView ? 1 : 0)
            + (volumesView ? 1 : 0)
            + (networksView ? 1 : 0)
            + (profilesView ? 1 : 0)
            + (imagesView ? 1 : 0)
            + (hash != null ? 1 : 0);
    if (views > 1) {
      throw new UserException(
          "--services, --volumes, --networks, --profiles, --images and --hash exclude each other",
          ExitCode.USAGE,
          null);
    }
  }

  private String render(MapNode document, String projectName) {
    if (servicesView) {
      return lines(ConfigViews.services(document));
    }
    if (volumesView) {
      return lines(ConfigViews.keys(document, "volumes"));
    }
    if (networksView) {
      return lines(ConfigViews.keys(document, "networks"));
    }
    if (profilesView) {
      return lines(ConfigViews.profiles(document));
    }
    if (imagesView) {
      return lines(ConfigViews.images(document, projectName));
    }
    if (hash != null) {
      try {
        return lines(ConfigViews.hashes(document, hash));
      } catch (IllegalArgumentException e) {
        throw new UserException("no such service: " + e.getMessage());
      }
    }
    return format == Format.json
        ? CanonicalJson.write(document, true)
        : CanonicalYaml.write(document);
  }

  private static String projectName(MapNode document, LoadResult result) {
    return document.text("name").orElseGet(() -> result.project().map(Project::name).orElse(""));
  }

  private static String lines(List<String> lines) {
    var text = new StringBuilder();
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  private void write(CliContext context, String text) {
    if (output == null) {
      context.out().print(text);
      return;
    }
    try {
      Path file = context.workingDirectory().resolve(output);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException | InvalidPathException e) {
      throw new UserException(
          "cannot write " + output + ": " + e.getMessage(), ExitCode.FAILURE, e);
    }
  }
}
