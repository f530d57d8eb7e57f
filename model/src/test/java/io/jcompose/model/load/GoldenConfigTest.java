package io.jcompose.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.render.CanonicalYaml;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of the canonical model ({@code jcompose config}): each folder under
 * test/resources/golden holds a project, optional {@code os.env} (the OS environment) and {@code
 * profiles}, and {@code expected.yaml}. Run with {@code -Djcompose.updateGolden=true} to rewrite
 * the expected files after a deliberate change, then review the diff.
 */
class GoldenConfigTest {

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> list = Files.list(goldenRoot())) {
      return list
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void canonicalOutputMatchesGolden(String name) throws Exception {
    Path directory = goldenRoot().resolve(name);
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("HOME", "/home/user");
    Path osEnv = directory.resolve("os.env");
    if (Files.exists(osEnv)) {
      for (String line : Files.readAllLines(osEnv)) {
        int equals = line.indexOf('=');
        if (equals > 0) {
          environment.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    }
    LoadOptions options = LoadOptions.of(List.of(), directory, environment);
    Path profiles = directory.resolve("profiles");
    if (Files.exists(profiles)) {
      options = options.withProfiles(Files.readAllLines(profiles));
    }
    LoadResult result = ProjectLoader.load(options);
    assertThat(result.errors()).as("errors").isEmpty();
    String actual =
        CanonicalYaml.write(result.canonical().orElseThrow())
            .replace(directory.toString(), "${DIR}");
    if (!result.warnings().isEmpty()) {
      var warnings = new StringBuilder();
      result
          .warnings()
          .forEach(
              w ->
                  warnings
                      .append("# ")
                      .append(w.render().replace(directory.toString(), "${DIR}"))
                      .append('\n'));
      actual = warnings + actual;
    }
    Path expected = directory.resolve("expected.yaml");
    if (Boolean.getBoolean("jcompose.updateGolden")) {
      Path source = Path.of("src/test/resources/golden", name, "expected.yaml");
      Files.writeString(source, actual, StandardCharsets.UTF_8);
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(expected).as("golden file (run with -Djcompose.updateGolden=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  private static Path goldenRoot() throws URISyntaxException {
    return Path.of(GoldenConfigTest.class.getResource("/golden").toURI());
  }
}
