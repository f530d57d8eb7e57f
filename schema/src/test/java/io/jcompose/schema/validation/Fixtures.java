package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.parse.YamlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The upstream compose files in shared/compose-spec/fixtures, parsed as they are. */
final class Fixtures {

  /**
   * snakeyaml-engine's core schema tags a plain {@code ${VAR}} scalar {@code !ENV_VARIABLE}, which
   * our parser then reports as an unknown tag although the file says nothing of the kind. The node
   * is still a correct string, so such files are cross-checked anyway and counted apart.
   */
  private static final String ENV_TAG_MESSAGE = "unknown YAML tag !ENV_VARIABLE";

  private Fixtures() {}

  /** One fixture file: its documents, or why it could not be parsed. */
  record Parsed(Path file, List<Node> documents, boolean unparsable, boolean envTagOnly) {}

  static List<Parsed> all() throws IOException {
    var result = new ArrayList<Parsed>();
    for (Path file : composeFiles(sharedFolder().resolve("compose-spec/fixtures"))) {
      var parsed = YamlParser.parse(file.toString(), Files.readString(file));
      var errors = parsed.diagnostics().stream().filter(Diagnostic::isError).toList();
      boolean envTagOnly =
          !errors.isEmpty() && errors.stream().allMatch(e -> e.message().equals(ENV_TAG_MESSAGE));
      result.add(
          new Parsed(file, parsed.documents(), !errors.isEmpty() && !envTagOnly, envTagOnly));
    }
    return result;
  }

  static Path sharedFolder() {
    String configured = System.getProperty("jcompose.shared");
    return configured != null ? Path.of(configured) : Path.of("../../shared");
  }

  private static List<Path> composeFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
          .sorted()
          .toList();
    }
  }
}
