package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.jcompose.model.bind.ProjectBinder;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.parse.YamlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the canonical and binding stages over every compose file among the vendored upstream
 * fixtures. They are neither merged nor validated first, so problems are expected; crashes are not.
 */
class FixtureSmokeTest {

  private static List<Path> composeFiles() throws IOException {
    Path fixtures =
        Path.of(System.getProperty("jcompose.shared", "../../shared"), "compose-spec", "fixtures");
    try (Stream<Path> files = Files.walk(fixtures)) {
      return files
          .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyFixture_isCanonicalizedAndBoundWithoutAnException() throws IOException {
    List<Path> files = composeFiles();
    assertThat(files).hasSizeGreaterThan(100);
    int documents = 0;
    for (Path file : files) {
      var parsed = YamlParser.parse(file.toString(), Files.readString(file));
      for (Node document : parsed.documents()) {
        if (!(document instanceof MapNode map) || !(map.get("services") instanceof MapNode)) {
          continue;
        }
        documents++;
        var context = Fixture.context(true, true, Map.of("HOME", "/home/dev"));
        assertThatCode(
                () -> {
                  var diagnostics = new Diagnostics();
                  MapNode canonical = Canonicalizer.canonicalize(map, context, diagnostics);
                  ProjectBinder.bind(
                      canonical, "demo", Path.of("/p"), List.of(file), Set.of(), diagnostics);
                })
            .as(file.toString())
            .doesNotThrowAnyException();
      }
    }
    assertThat(documents).isGreaterThan(50);
  }
}
