package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher at the root of the checkout, run as a user runs it: {@code ./jcompose ... config}
 * from another directory, with the real jar the build just made.
 */
class LauncherTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path directory;

  private record Run(int exitCode, String out, String err) {}

  private Run jcompose(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("bash", ROOT.resolve("jcompose").toString()));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().remove("JCOMPOSE_JAVA_OPTS");
    builder.environment().remove("COMPOSE_FILE");
    builder.environment().remove("COMPOSE_PROJECT_NAME");
    Path out = directory.resolve("stdout.txt");
    Path err = directory.resolve("stderr.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("jcompose did not finish within 5 minutes");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private String example() {
    return ROOT.resolve("examples/hello/compose.yaml").toString();
  }

  @Test
  void config_printsTheCanonicalModelOfAnExample() throws Exception {
    Run run = jcompose("-f", example(), "config");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("name: hello\nservices:\n  cache:\n")
        .contains("      GREETING: hello\n")
        .contains("        published: \"8080\"\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void config_json_isJson() throws Exception {
    Run run = jcompose("-f", example(), "config", "--format", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("{\n  \"name\": \"hello\",\n").endsWith("}\n");
  }

  @Test
  void invalidProject_exitsWith3AndLocatesEveryProblem() throws Exception {
    Files.writeString(
        directory.resolve("compose.yaml"),
        "services:\n  web:\n    image: nginx\n    enviroment: {}\n    ports: [\"80:x\"]\n");

    Run run = jcompose("config");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains("compose.yaml:4:5: error: services.web.enviroment")
        .contains("did you mean \"environment\"?")
        .endsWith("jcompose: the project is invalid (1 error)\n")
        .doesNotContain("Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void usageError_exitsWith2() throws Exception {
    Run run = jcompose("-f", example(), "config", "--format", "xml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("xml");
  }
}
