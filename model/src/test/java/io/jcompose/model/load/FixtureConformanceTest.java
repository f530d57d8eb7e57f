package io.jcompose.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
          Map.entry("compose-go/loader/testdata/compose-include-cycle.yaml", "include cycle"),
          Map.entry(
              "compose-go/loader/testdata/compose-depends-on-profile-no-cycle.yaml",
              "dependency cycle detected: service1 -> service2 -> service3 -> service1"),
          Map.entry("compose-go/loader/testdata/empty.yaml", "empty compose file"),
          Map.entry(
              "compose/pkg/e2e/fixtures/env_file/compose.yaml",
              "env file /doesnotexist/.env not found"),
          Map.entry(
              "compose/pkg/e2e/testdata/TestLocalComposeConfigNoConsistency/compose.yaml",
              "has neither an image nor a build context"),
          Map.entry(
              "compose/pkg/e2e/testdata/TestUpContainerNameConflict/compose.yaml",
              "have the same container_name \"fixed\""));

  /** The variables the upstream tests set before loading these fixtures. */
  private static final Map<String, Map<String, String>> FIXTURE_ENVIRONMENT =
      Map.of(
          "compose/pkg/e2e/testdata/TestUpSwitchVolumes/compose.yaml",
          Map.of("EXTERNAL_VOLUME", "my_external_volume"),
          "compose/pkg/e2e/testdata/TestUpContainerNameConflict/compose.yaml",
          Map.of("FIXED_NAME", "fixed"),
          "compose/pkg/e2e/testdata/TestUpImageID/compose.yaml",
          Map.of("ID", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
          "compose/pkg/e2e/fixtures/logs-test/cat.yaml",
          Map.of("FILE", "./hello.txt"));

  /** Fixtures that are not a project on their own; each says why. */
  private static final Map<String, String> NEEDS_MISSING_INPUT =
      Map.of(
          "compose-go/loader/testdata/extends/base.yaml",
          "a base for extends tests; its service \"nil\" is null, which is invalid in a project",
          "compose-go/loader/testdata/include/dir/compose.yaml",
          "only meant to be included with project_directory ../subdir, where its env file is",
          "compose-go/loader/testdata/remote/cycle/compose.yaml",
          "extends a remote: source, which needs the remote loader of docker compose's tests",
          "compose-go/loader/testdata/remote/cycle/compose-cycle.yaml",
          "extends a remote: source, which needs the remote loader of docker compose's tests",
          "compose-go/loader/testdata/remote/nested/compose.yaml",
          "extends a remote: source, which needs the remote loader of docker compose's tests",
          "compose-go/schema/using-variables.yaml",
          "a schema test: every field holds ${VARIABLE}, valid only before interpolation");

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
      var environment = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "HOME", "/root"));
      environment.putAll(FIXTURE_ENVIRONMENT.getOrDefault(name, Map.of()));
      LoadResult result =
          ProjectLoader.load(
              LoadOptions.of(List.of(file.toString()), file.getParent(), environment));
      if (result.isValid()) {
        valid.add(name);
        assertThat(result.project()).as("project of " + name).isPresent();
        assertThat(result.bindingErrors()).as("binding errors of " + name).isEmpty();
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
        assertThat(error.position().isKnown()).as("location of " + error.render()).isTrue();
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
    assertThat(NEEDS_MISSING_INPUT.keySet())
        .allSatisfy(name -> assertThat(invalid).containsKey(name));
  }

  @Test
  void schemaFixtureWithVariablesEverywhere_loadsWithoutInterpolation() {
    Path file = SharedFixtures.fixtures().resolve("compose-go/schema/using-variables.yaml");
    LoadResult result =
        ProjectLoader.load(
            LoadOptions.of(List.of(file.toString()), file.getParent(), Map.of())
                .withStages(new LoadOptions.Stages(false, true, true, false)));
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void fixtureMadeForNoConsistency_loadsWithTheChecksOff() {
    Path file =
        SharedFixtures.fixtures()
            .resolve("compose/pkg/e2e/testdata/TestLocalComposeConfigNoConsistency/compose.yaml");
    LoadResult result =
        ProjectLoader.load(
            LoadOptions.of(List.of(file.toString()), file.getParent(), Map.of())
                .withStages(new LoadOptions.Stages(true, true, true, false)));
    assertThat(result.errors()).isEmpty();
    assertThat(result.canonical().orElseThrow().toPlain().toString()).contains("incomplete");
  }
}
