package io.jcompose.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the loader over every compose file of the upstream fixtures: each loads, or fails with
 * located diagnostics; none crashes. Files upstream keeps invalid on purpose must fail with the
 * diagnostic named here; files that need something the fixtures left out are listed with why.
 */
class FixtureConformanceTest {

  /** Fixture (relative to fixtures/) -> a phrase its first error must contain. */
  private static final Map<String, String> INVALID_ON_PURPOSE =
      Map.ofEntries(
          Map.entry(
              "compose/pkg/e2e/fixtures/wrong-composefile/compose.yaml",
              "additional property \"wrongField\" is not allowed"),
          Map.entry(
              "compose-go/loader/testdata/compose-depends-on-cycle.yaml",
              "dependency cycle detected: service1 -> service2 -> service3 -> service1"),
          Map.entry(
              "compose-go/loader/testdata/compose-depends-on-self.yaml",
              "dependency cycle detected: service1 -> service1"),
          Map.entry("compose-go/loader/testdata/compose-include-cycle.yaml", "include cycle"));

  /** Fixtures that cannot load here for a reason outside the loader; each says why. */
  private static final Map<String, String> NEEDS_MISSING_INPUT = Map.ofEntries();

  @Test
  void everyFixtureLoadsOrFailsWithLocatedDiagnostics() throws IOException {
    Path fixtures = SharedFixtures.fixtures();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(fixtures)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    var valid = new ArrayList<String>();
    var invalid = new TreeMap<String, List<Diagnostic>>();
    for (Path file : files) {
      String name = fixtures.relativize(file).toString();
      LoadResult result =
          ProjectLoader.load(
              LoadOptions.of(
                  List.of(file.toString()),
                  file.getParent(),
                  Map.of("PATH", "/usr/bin:/bin", "HOME", "/root")));
      if (result.isValid()) {
        valid.add(name);
      } else {
        invalid.put(name, result.errors());
      }
    }
    System.out.printf(
        "compose-spec fixtures: %d files, %d load, %d rejected (%d on purpose, %d need inputs"
            + " the fixtures lack)%n",
        files.size(),
        valid.size(),
        invalid.size(),
        INVALID_ON_PURPOSE.size(),
        NEEDS_MISSING_INPUT.size());
    invalid.forEach(
        (name, errors) ->
            System.out.printf(
                "  rejected %s: %s%n", name, errors.isEmpty() ? "?" : errors.get(0).render()));

    assertThat(files).hasSizeGreaterThan(200);
    for (var entry : invalid.entrySet()) {
      assertThat(entry.getValue()).as(entry.getKey()).isNotEmpty();
      for (Diagnostic error : entry.getValue()) {
        assertThat(error.position().file()).as("file of " + error.render()).isNotEmpty();
      }
    }
    INVALID_ON_PURPOSE.forEach(
        (name, phrase) ->
            assertThat(invalid.get(name))
                .as(name + " must be rejected")
                .isNotNull()
                .anySatisfy(error -> assertThat(error.message()).contains(phrase)));
    var unexpected = new TreeMap<>(invalid);
    unexpected.keySet().removeAll(INVALID_ON_PURPOSE.keySet());
    unexpected.keySet().removeAll(NEEDS_MISSING_INPUT.keySet());
    assertThat(unexpected.keySet()).as("fixtures rejected without a listed reason").isEmpty();
  }
}
