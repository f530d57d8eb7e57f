package io.jcompose.model.canonical;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.parse.YamlParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses YAML and runs the canonical stage with a chosen context. */
final class Fixture {

  static final Path PROJECT_DIRECTORY = Path.of("/work/project");

  private Fixture() {}

  static MapNode parse(String yaml) {
    var result = YamlParser.parse("compose.yaml", yaml);
    if (result.hasErrors()) {
      throw new IllegalStateException(result.diagnostics().toString());
    }
    return (MapNode) result.documents().get(0);
  }

  static CanonicalContext context(
      boolean normalize, boolean resolvePaths, Map<String, String> environment) {
    return new CanonicalContext(
        "demo",
        PROJECT_DIRECTORY,
        key -> Optional.ofNullable(environment.get(key)),
        normalize,
        resolvePaths);
  }

  /** Canonical form only: no normalisation, no path resolution, empty environment. */
  static Result forms(String yaml) {
    return run(yaml, context(false, false, Map.of()));
  }

  static Result run(String yaml, CanonicalContext context) {
    var diagnostics = new Diagnostics();
    MapNode document = Canonicalizer.canonicalize(parse(yaml), context, diagnostics);
    return new Result(document, diagnostics);
  }

  record Result(MapNode document, Diagnostics diagnostics) {

    /** The plain value at a path of keys and list indexes. */
    Object at(Object... path) {
      Object current = document.toPlain();
      for (Object segment : path) {
        if (segment instanceof Integer index) {
          current = ((List<?>) current).get(index);
        } else {
          current = ((Map<?, ?>) current).get(segment);
        }
      }
      return current;
    }

    Object service(String serviceName, Object... path) {
      Object[] full = new Object[path.length + 2];
      full[0] = "services";
      full[1] = serviceName;
      System.arraycopy(path, 0, full, 2, path.length);
      return at(full);
    }

    List<String> errors() {
      return diagnostics.errors().stream().map(Diagnostic::message).toList();
    }

    List<String> warnings() {
      return diagnostics.warnings().stream().map(Diagnostic::message).toList();
    }
  }
}
