package io.jcompose.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files, project directory, environment, profiles and project name, as docker compose picks them.
 */
class ProjectOptionsTest {

  @TempDir Path directory;

  private final Map<String, String> environment = new HashMap<>(Map.of("HOME", "/root"));

  private void write(String name, String text) throws IOException {
    Path file = directory.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private LoadResult load(List<String> files, Path cwd) {
    return ProjectLoader.load(LoadOptions.of(files, cwd, environment));
  }

  private static Project project(LoadResult result) {
    assertThat(result.errors()).isEmpty();
    return result.project().orElseThrow();
  }

  @Test
  void discovery_findsComposeYamlAndItsOverrideInAParentDirectory() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: a\n");
    write("compose.override.yaml", "services:\n  web:\n    image: b\n");
    Files.createDirectories(directory.resolve("sub/dir"));
    LoadResult result = load(List.of(), directory.resolve("sub/dir"));
    assertThat(project(result).configFiles())
        .containsExactly(
            directory.resolve("compose.yaml"), directory.resolve("compose.override.yaml"));
    assertThat(result.canonical().orElseThrow().toPlain().toString()).contains("image=b");
  }

  @Test
  void composeFileVariable_listsFilesWithThePathSeparator() throws IOException {
    write("one.yaml", "services:\n  a:\n    image: a\n");
    write("two.yaml", "services:\n  b:\n    image: b\n");
    environment.put("COMPOSE_FILE", "one.yaml;two.yaml");
    environment.put("COMPOSE_PATH_SEPARATOR", ";");
    assertThat(project(load(List.of(), directory)).configFiles()).hasSize(2);
  }

  @Test
  void projectName_fromDirectoryIsNormalised() throws IOException {
    Path odd = directory.resolve("My_App.v2");
    Files.createDirectories(odd);
    Files.writeString(odd.resolve("compose.yaml"), "services:\n  a:\n    image: a\n");
    assertThat(project(load(List.of(), odd)).name()).isEqualTo("my_appv2");
  }

  @Test
  void projectName_precedence_flagThenVariableThenNameKey() throws IOException {
    write("compose.yaml", "name: from-file\nservices:\n  a:\n    image: a\n");
    assertThat(project(load(List.of(), directory)).name()).isEqualTo("from-file");
    environment.put("COMPOSE_PROJECT_NAME", "from-env");
    assertThat(project(load(List.of(), directory)).name()).isEqualTo("from-env");
    LoadResult flagged =
        ProjectLoader.load(LoadOptions.of(List.of(), directory, environment).withProjectName("p1"));
    assertThat(project(flagged).name()).isEqualTo("p1");
  }

  @Test
  void projectName_fromFlagMustAlreadyBeNormalised() throws IOException {
    write("compose.yaml", "services:\n  a:\n    image: a\n");
    LoadResult result =
        ProjectLoader.load(
            LoadOptions.of(List.of(), directory, environment).withProjectName("My Project"));
    assertThat(result.isValid()).isFalse();
    assertThat(result.errors().get(0).message()).contains("invalid project name \"My Project\"");
  }

  @Test
  void dotEnv_isReadFromTheProjectDirectoryAndTheOsEnvironmentWins() throws IOException {
    write("app/compose.yaml", "services:\n  a:\n    image: \"${IMAGE}:${TAG}\"\n");
    write("app/.env", "IMAGE=from-dotenv\nTAG=1\n");
    environment.put("TAG", "2");
    LoadResult result = load(List.of("app/compose.yaml"), directory);
    assertThat(project(result).name()).isEqualTo("app");
    assertThat(result.canonical().orElseThrow().toPlain().toString())
        .contains("image=from-dotenv:2");
  }

  @Test
  void envFileFlag_replacesTheDefaultDotEnv() throws IOException {
    write("compose.yaml", "services:\n  a:\n    image: \"${IMAGE:-none}\"\n");
    write(".env", "IMAGE=default\n");
    write("other.env", "IMAGE=other\n");
    LoadResult result =
        ProjectLoader.load(
            LoadOptions.of(List.of(), directory, environment).withEnvFiles(List.of("other.env")));
    assertThat(result.canonical().orElseThrow().toPlain().toString()).contains("image=other");
  }

  @Test
  void composeProfiles_fromDotEnvEnablesProfiledServices() throws IOException {
    write(
        "compose.yaml",
        "services:\n  a:\n    image: a\n  b:\n    image: b\n    profiles: [extra]\n");
    write(".env", "COMPOSE_PROFILES=extra\n");
    assertThat(project(load(List.of(), directory)).disabledServices()).isEmpty();
  }

  @Test
  void stdin_isReadWhenTheFileIsADash() {
    LoadResult result =
        ProjectLoader.load(
            LoadOptions.of(List.of("-"), directory, environment)
                .withStdin(() -> "services:\n  a:\n    image: from-stdin\n"));
    assertThat(result.canonical().orElseThrow().toPlain().toString()).contains("from-stdin");
  }

  @Test
  void missingFile_isAClearError() {
    LoadResult result = load(List.of("nope.yaml"), directory);
    assertThat(result.errors().get(0).message()).contains("nope.yaml").contains("does not exist");
  }

  @Test
  void noFileAnywhere_saysSo() {
    LoadResult result = load(List.of(), directory);
    assertThat(result.errors().get(0).message()).contains("no configuration file provided");
  }

  @Test
  void bindingProblems_doNotInvalidateThePrintedModel_butKeepTheProjectFromBeingBound()
      throws IOException {
    write("compose.yaml", "services:\n  a:\n    image: a\n    restart: sometimes\n");
    LoadResult result = load(List.of(), directory);
    assertThat(result.isValid()).isTrue();
    assertThat(result.canonical().orElseThrow().toPlain().toString()).contains("restart=sometimes");
    assertThat(result.project()).isEmpty();
    assertThat(result.bindingErrors())
        .singleElement()
        .satisfies(error -> assertThat(error.message()).contains("sometimes"));
  }

  @Test
  void binaryFile_isReportedAsNotUtf8() throws IOException {
    Files.write(directory.resolve("compose.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
    LoadResult result = load(List.of(), directory);
    assertThat(result.errors().get(0).message()).isEqualTo("file compose.yaml is not UTF-8 text");
  }

  @Test
  void composeFileFromDotEnv_keepsTheFirstEnvFilesValuesAndReadsTheNewDirectorysToo() {
    Path fixture = SharedFixtures.fixtures().resolve("compose/pkg/e2e/fixtures/dotenv");
    LoadResult result = load(List.of(), fixture);
    Project project = project(result);
    assertThat(project.name()).isEqualTo("development");
    assertThat(project.services()).containsOnlyKeys("backend", "test");
    assertThat(result.canonical().orElseThrow().toPlain().toString()).contains("image=test:latest");
  }
}
