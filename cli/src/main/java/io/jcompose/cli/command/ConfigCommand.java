package io.jcompose.cli.command;

import io.jcompose.cli.CliContext;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.ProjectRequest;
import io.jcompose.cli.UserException;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.cli.render.ConfigViews;
import io.jcompose.cli.render.DiagnosticReport;
import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadOptions.Stages;
import io.jcompose.model.load.LoadResult;
import io.jcompose.model.render.CanonicalJson;
import io.jcompose.model.render.CanonicalYaml;
import io.jcompose.schema.node.MapNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code jcompose config}: loads the project and prints its canonical model, or a view of it. */
public final class ConfigCommand {

  static final Option FORMAT =
      Option.value(
              "FORMAT",
              "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
              "--format")
          .withAllowedValues(List.of("yaml", "json"))
          .withDefault("yaml");
  static final Option SERVICES =
      Option.flag("Print the service names, one per line.", "--services");
  static final Option VOLUMES = Option.flag("Print the volume names, one per line.", "--volumes");
  static final Option NETWORKS =
      Option.flag("Print the network names, one per line.", "--networks");
  static final Option PROFILES =
      Option.flag("Print the profile names, one per line.", "--profiles");
  static final Option IMAGES = Option.flag("Print the image names, one per line.", "--images");
  static final Option HASH =
      Option.value(
          "SERVICE", "Print 'service hash' lines for the named services ('*' for all).", "--hash");
  static final Option QUIET =
      Option.flag("Only validate the configuration, print nothing.", "-q", "--quiet");
  static final Option NO_INTERPOLATE =
      Option.flag("Don't interpolate environment variables.", "--no-interpolate");
  static final Option NO_NORMALIZE =
      Option.flag("Don't normalize the compose model.", "--no-normalize");
  static final Option NO_PATH_RESOLUTION =
      Option.flag("Don't resolve file paths.", "--no-path-resolution");
  static final Option NO_CONSISTENCY =
      Option.flag("Don't check the model for consistency.", "--no-consistency");
  static final Option OUTPUT =
      Option.value(
          "FILE", "Write the output to FILE instead of standard output.", "-o", "--output");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "config",
          "Parse, resolve and render the compose file in canonical form.",
          List.of(
              Option.help(),
              FORMAT,
              SERVICES,
              VOLUMES,
              NETWORKS,
              PROFILES,
              IMAGES,
              HASH,
              QUIET,
              NO_INTERPOLATE,
              NO_NORMALIZE,
              NO_PATH_RESOLUTION,
              NO_CONSISTENCY,
              OUTPUT),
          List.of(Positional.any("SERVICE", "Only these services.")));

  private final JcomposeCommand global;
  private final boolean servicesView;
  private final boolean volumesView;
  private final boolean networksView;
  private final boolean profilesView;
  private final boolean imagesView;
  private final String hash;
  private final boolean quiet;
  private final String output;
  private final List<String> selected;
  private final Values line;

  public ConfigCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
    this.servicesView = line.has(SERVICES);
    this.volumesView = line.has(VOLUMES);
    this.networksView = line.has(NETWORKS);
    this.profilesView = line.has(PROFILES);
    this.imagesView = line.has(IMAGES);
    this.hash = line.value(HASH).orElse(null);
    this.quiet = line.has(QUIET);
    this.output = line.value(OUTPUT).orElse(null);
    this.selected = line.positionals();
  }

  public int call() {
    CliContext context = global.context();
    checkOneView();
    var stages =
        new Stages(
            !line.has(NO_INTERPOLATE),
            !line.has(NO_NORMALIZE),
            !line.has(NO_PATH_RESOLUTION),
            !line.has(NO_CONSISTENCY));
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
    if (result.canonical().isEmpty()) {
      throw new IllegalStateException("a valid load has no canonical model");
    }
    MapNode document = result.canonical().get();
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
    return line.value(FORMAT).orElse("yaml").equals("json")
        ? CanonicalJson.write(document, true)
        : CanonicalYaml.write(document);
  }

  private static String projectName(MapNode document, LoadResult result) {
    Optional<String> name = document.text("name");
    if (name.isPresent()) {
      return name.get();
    }
    return result.project().isPresent() ? result.project().get().name() : "";
  }

  private static String lines(List<String> lines) {
    var text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
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
