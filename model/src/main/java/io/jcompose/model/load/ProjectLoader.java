package io.jcompose.model.load;

import io.jcompose.model.bind.ProjectBinder;
import io.jcompose.model.canonical.CanonicalContext;
import io.jcompose.model.canonical.Canonicalizer;
import io.jcompose.model.consistency.ConsistencyChecker;
import io.jcompose.model.envfile.EnvFiles;
import io.jcompose.model.profile.ProfileSelector;
import io.jcompose.model.project.Project;
import io.jcompose.model.readiness.ReadinessExtension;
import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.YamlPath;
import io.jcompose.schema.validation.SchemaValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The facade of the model module: runs the loading pipeline of DESIGN.md §2 and never throws for a
 * user error; every problem is a diagnostic in the result.
 */
public final class ProjectLoader {

  private ProjectLoader() {}

  public static LoadResult load(LoadOptions options) {
    var diagnostics = new Diagnostics();
    Optional<ProjectSetup> setup = ProjectSetup.resolve(options, diagnostics);
    if (setup.isEmpty() || diagnostics.hasErrors()) {
      return invalid(diagnostics);
    }
    Environment environment = setup.get().environment();
    Optional<String> explicitName =
        ProjectNames.explicit(options.selection().projectName(), environment, diagnostics);
    if (explicitName.isPresent()) {
      environment = environment.with("COMPOSE_PROJECT_NAME", explicitName.get());
    }
    var sources =
        new SourceFiles(options.invocation().workingDirectory(), options.sources().stdin());
    Path projectDirectory = setup.get().projectDirectory();
    Optional<MapNode> merged =
        new ModelAssembler(sources, options.stages(), diagnostics)
            .assemble(setup.get().files(), projectDirectory, environment, List.of());
    if (merged.isEmpty()) {
      return invalid(diagnostics);
    }
    // Validate even after interpolation or include errors, so that a file's problems are
    // reported together; the canonical stages need a valid model, so they wait.
    MapNode model = withoutVersion(merged.get(), diagnostics);
    diagnostics.addAll(SchemaValidator.composeSpec().validate(model));
    if (diagnostics.hasErrors()) {
      return invalid(diagnostics);
    }
    Optional<String> name =
        explicitName.isPresent()
            ? explicitName
            : ProjectNames.implicit(model, projectDirectory, diagnostics);
    if (name.isEmpty()) {
      return invalid(diagnostics);
    }
    Environment projectEnvironment = environment.with("COMPOSE_PROJECT_NAME", name.get());
    var context =
        new CanonicalContext(
            name.get(),
            projectDirectory,
            projectEnvironment::lookup,
            options.stages().normalize(),
            options.stages().resolvePaths(),
            options.stages().interpolate());
    MapNode named = model.with("name", ScalarNode.of(name.get(), namePosition(model)));
    MapNode canonical = Canonicalizer.canonicalize(named, context, diagnostics);
    ProfileSelector.Selection selection =
        ProfileSelector.select(
            canonical, setup.get().profiles(), options.selection().services(), diagnostics);
    canonical = selection.document();
    if (options.stages().consistency()) {
      ConsistencyChecker.check(canonical, selection.disabledServices(), diagnostics);
    }
    if (options.stages().interpolate()) {
      ReadinessExtension.check(canonical, diagnostics);
    }
    canonical = ProfileSelector.withoutUnusedResources(canonical);
    canonical =
        EnvFiles.resolve(canonical, projectDirectory, projectEnvironment::lookup, diagnostics);
    if (diagnostics.hasErrors()) {
      return new LoadResult(Optional.of(canonical), Optional.empty(), diagnostics.sorted());
    }
    List<Path> configFiles = setup.get().files();
    if (!options.stages().interpolate()) {
      // An uninterpolated model still holds ${VAR} in typed fields: it is for printing only.
      Project unbound = new Project(name.get(), projectDirectory, configFiles);
      return new LoadResult(Optional.of(canonical), Optional.of(unbound), diagnostics.sorted());
    }
    return LoadResult.bindingLater(
        canonical,
        diagnostics.sorted(),
        new Binding(
            canonical, name.get(), projectDirectory, configFiles, selection.disabledServices()));
  }

  /** Binds the canonical tree into records when the project is first asked for. */
  private static final class Binding implements LoadResult.Binder {
    private final MapNode canonical;
    private final String name;
    private final Path projectDirectory;
    private final List<Path> configFiles;
    private final Set<String> disabledServices;

    Binding(
        MapNode canonical,
        String name,
        Path projectDirectory,
        List<Path> configFiles,
        Set<String> disabledServices) {
      this.canonical = canonical;
      this.name = name;
      this.projectDirectory = projectDirectory;
      this.configFiles = configFiles;
      this.disabledServices = disabledServices;
    }

    @Override
    public Optional<Project> bind(List<Diagnostic> problems) {
      var found = new Diagnostics();
      Project project =
          ProjectBinder.bind(
              canonical, name, projectDirectory, configFiles, disabledServices, found);
      problems.addAll(found.errors());
      return found.hasErrors() ? Optional.empty() : Optional.of(project);
    }
  }

  private static Position namePosition(MapNode model) {
    return model.has("name") ? model.get("name").position() : Position.UNKNOWN;
  }

  /** {@code version} is obsolete: accepted, warned about and dropped, as docker compose does. */
  private static MapNode withoutVersion(MapNode model, Diagnostics diagnostics) {
    if (!model.has("version")) {
      return model;
    }
    diagnostics.warning(
        model.keyPosition("version"),
        YamlPath.of("version"),
        "the attribute `version` is obsolete, it will be ignored; remove it to avoid confusion");
    return model.without("version");
  }

  private static LoadResult invalid(Diagnostics diagnostics) {
    if (!diagnostics.hasErrors()) {
      diagnostics.error(Position.UNKNOWN, YamlPath.ROOT, "no compose model could be loaded");
    }
    return new LoadResult(Optional.empty(), Optional.empty(), diagnostics.sorted());
  }
}
