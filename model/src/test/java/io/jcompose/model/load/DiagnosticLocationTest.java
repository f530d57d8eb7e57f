package io.jcompose.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's mistake is reported at the right file, line and column, in plain words. */
class DiagnosticLocationTest {

  @TempDir Path directory;

  private List<Diagnostic> errorsOf(String... files) {
    LoadResult result =
        ProjectLoader.load(LoadOptions.of(List.of(files), directory, Map.of("HOME", "/root")));
    assertThat(result.isValid()).as("the project must be invalid").isFalse();
    return result.errors();
  }

  private void write(String name, String text) throws IOException {
    Path file = directory.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String located(Diagnostic diagnostic) {
    return diagnostic.position().file()
        + ":"
        + diagnostic.position().line()
        + ":"
        + diagnostic.position().column();
  }

  @Test
  void unknownKey_isReportedAtTheKeyWithASuggestion() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx\n    enviroment:\n      A: b\n");
    Diagnostic error = errorsOf("compose.yaml").get(0);
    assertThat(located(error)).isEqualTo("compose.yaml:4:5");
    assertThat(error.path()).hasToString("services.web.enviroment");
    assertThat(error.message()).contains("enviroment").contains("not allowed");
    assertThat(error.hint()).contains("did you mean \"environment\"?");
  }

  @Test
  void wrongType_namesTheExpectedType() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx\n    privileged: [yes]\n");
    Diagnostic error = errorsOf("compose.yaml").get(0);
    assertThat(located(error)).isEqualTo("compose.yaml:4:17");
    assertThat(error.message()).contains("boolean");
  }

  @Test
  void badPort_quotesThePort() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx\n    ports:\n      - \"80:http\"\n");
    Diagnostic error = errorsOf("compose.yaml").get(0);
    assertThat(located(error)).isEqualTo("compose.yaml:5:9");
    assertThat(error.message()).contains("80:http");
  }

  @Test
  void badDuration_quotesTheDuration() throws IOException {
    write(
        "compose.yaml",
        "services:\n  web:\n    image: nginx\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n"
            + "      interval: 10x\n");
    Diagnostic error = errorsOf("compose.yaml").get(0);
    assertThat(located(error)).isEqualTo("compose.yaml:6:17");
    assertThat(error.message()).contains("10x");
  }

  @Test
  void missingRequiredVariable_showsTheMessageAtTheValue() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: \"nginx:${TAG:?please set TAG}\"\n");
    Diagnostic error = errorsOf("compose.yaml").get(0);
    assertThat(located(error)).isEqualTo("compose.yaml:3:12");
    assertThat(error.message()).contains("TAG").contains("please set TAG");
  }

  @Test
  void undefinedNetwork_inAnOverrideFile_pointsIntoThatFile() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx\nnetworks:\n  front: {}\n");
    write("override.yaml", "services:\n  web:\n    networks:\n      - frnt\n");
    Diagnostic error = errorsOf("compose.yaml", "override.yaml").get(0);
    assertThat(located(error)).isEqualTo("override.yaml:4:9");
    assertThat(error.message()).contains("undefined network \"frnt\"");
    assertThat(error.hint()).contains("front");
  }

  @Test
  void unknownKey_inAnIncludedFile_pointsIntoThatFile() throws IOException {
    write("compose.yaml", "include:\n  - lib/compose.yaml\nservices:\n  web:\n    image: nginx\n");
    write("lib/compose.yaml", "services:\n  cache:\n    image: redis\n    portz: [\"6379\"]\n");
    Diagnostic error = errorsOf("compose.yaml").get(0);
    assertThat(located(error)).isEqualTo("lib/compose.yaml:4:5");
    assertThat(error.hint()).contains("ports");
  }

  @Test
  void dependsOnCycle_namesEveryServiceOnIt() throws IOException {
    write(
        "compose.yaml",
        "services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n"
            + "    depends_on: [c]\n  c:\n    image: x\n    depends_on: [a]\n");
    Diagnostic error = errorsOf("compose.yaml").get(0);
    assertThat(error.message()).isEqualTo("dependency cycle detected: a -> b -> c -> a");
    assertThat(located(error)).isEqualTo("compose.yaml:10:18");
  }

  @Test
  void dependsOnMissingService_suggestsTheClosestName() throws IOException {
    write(
        "compose.yaml",
        "services:\n  web:\n    image: x\n    depends_on:\n      - databse\n  database:\n"
            + "    image: y\n");
    Diagnostic error = errorsOf("compose.yaml").get(0);
    assertThat(located(error)).isEqualTo("compose.yaml:5:9");
    assertThat(error.message()).contains("undefined service \"databse\"");
    assertThat(error.hint()).contains("database");
  }

  @Test
  void allDiagnosticsOfAFile_areReportedTogether() throws IOException {
    write(
        "compose.yaml",
        "services:\n  web:\n    imag: nginx\n    enviroment: {}\n  api:\n    image: [x]\n");
    assertThat(errorsOf("compose.yaml")).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void yamlSyntaxError_isLocated() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: nginx\n   bad: [\n");
    Diagnostic error = errorsOf("compose.yaml").get(0);
    assertThat(error.position().file()).isEqualTo("compose.yaml");
    assertThat(error.position().line()).isGreaterThan(0);
    assertThat(error.message()).startsWith("YAML syntax error");
  }

  @Test
  void interpolationAndSchemaErrors_areReportedTogether() throws IOException {
    write("compose.yaml", "services:\n  web:\n    image: \"${TAG:?set TAG}\"\n    portz: []\n");
    List<Diagnostic> errors = errorsOf("compose.yaml");
    assertThat(errors)
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("TAG"))
        .anySatisfy(m -> assertThat(m).contains("portz"));
  }
}
