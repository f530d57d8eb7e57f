package io.jcompose.model.load;

import io.jcompose.model.canonical.RelativePaths;
import io.jcompose.model.include.IncludeResolver;
import io.jcompose.model.inheritance.ExtendsResolver;
import io.jcompose.model.interpolation.Interpolator;
import io.jcompose.model.merge.Merger;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-file stages of DESIGN.md §2, in compose-go's order, for one project or one included
 * sub-project: parse, interpolate, include, extends, then merge into what the earlier files built.
 */
final class ModelAssembler {

  private final SourceFiles sources;
  private final LoadOptions.Stages stages;
  private final Diagnostics diagnostics;

  ModelAssembler(SourceFiles sources, LoadOptions.Stages stages, Diagnostics diagnostics) {
    this.sources = sources;
    this.stages = stages;
    this.diagnostics = diagnostics;
  }

  /**
   * Builds the merged model of {@code files}; {@code includeChain} holds the files that include
   * this project, outermost first, to detect include cycles.
   */
  Optional<MapNode> assemble(
      List<Path> files, Path projectDirectory, Environment environment, List<Path> includeChain) {
    Interpolator interpolator = new Interpolator(environment::lookup);
    MapNode model = null;
    for (Path file : files) {
      Optional<List<Node>> documents =
          sources.documents(file, Position.UNKNOWN, YamlPath.ROOT, diagnostics);
      if (documents.isEmpty()) {
        continue;
      }
      for (Node root : documents.get()) {
        if (!(root instanceof MapNode document)) {
          diagnostics.error(
              root.position(),
              YamlPath.ROOT,
              "a compose file must be a mapping at the top level, not " + root.kindName());
          continue;
        }
        if (stages.interpolate()) {
          document = (MapNode) interpolator.interpolateTree(document, YamlPath.ROOT, diagnostics);
        }
        var chain = new ArrayList<>(includeChain);
        chain.add(file);
        document =
            new IncludeResolver(
                    this::assembleIncluded, environment.values(), projectDirectory, diagnostics)
                .resolve(document, chain);
        document =
            new ExtendsResolver(
                    sources,
                    node ->
                        stages.interpolate()
                            ? interpolator.interpolateTree(node, YamlPath.ROOT, diagnostics)
                            : node,
                    stages.resolvePaths(),
                    diagnostics)
                .resolveAll(document, file);
        model =
            model == null
                ? (MapNode) Merger.applyTags(document)
                : Merger.mergeDocuments(model, document);
      }
    }
    return Optional.ofNullable(model);
  }

  private Optional<MapNode> assembleIncluded(
      List<Path> files, Path projectDirectory, Map<String, String> environment, List<Path> chain) {
    Optional<MapNode> model =
        assemble(files, projectDirectory, new Environment(environment), chain);
    if (stages.resolvePaths()) {
      model = model.map(document -> RelativePaths.resolveDocument(document, projectDirectory));
    }
    return model;
  }
}
