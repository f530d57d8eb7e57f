package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ctrl-C in attached {@code up}, as a user presses it: the launcher's JVM gets SIGINT, says it is
 * stopping gracefully, stops the project's containers and exits 130.
 */
@Timeout(120)
class InterruptScenarioTest {

  private static final Path LAUNCHER = Path.of("..", "jcompose").toAbsolutePath().normalize();

  @TempDir Path output;

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void ctrlC_inAttachedUp_stopsTheContainersGracefullyAndExits130(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              web:
                image: ${IMAGE}
                command: ["sh", "-c", "echo serving; trap 'echo got-term; exit 0' TERM; sleep 3600 & wait"]
              worker:
                image: ${IMAGE}
                depends_on: [web]
                command: ["sh", "-c", "echo working; trap 'exit 0' TERM; sleep 3600 & wait"]
            """)) {
      Path out = output.resolve("up.out");
      Path err = output.resolve("up.err");
      var command =
          new ArrayList<>(
              List.of(
                  "bash",
                  LAUNCHER.toString(),
                  "--project-name",
                  stack.projectName(),
                  "--progress",
                  "plain",
                  "--ansi",
                  "never",
                  "up"));
      var builder =
          new ProcessBuilder(command)
              .directory(stack.directory().toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(target.clientEnvironment());
      builder.environment().remove("JCOMPOSE_JAVA_OPTS");
      Process up = builder.start();
      Await.until(
          "attached up printing both services' output",
          java.time.Duration.ofSeconds(60),
          () -> read(out),
          text -> text.contains("serving") && text.contains("working"));

      new ProcessBuilder("kill", "-INT", Long.toString(up.pid())).start().waitFor();

      assertThat(up.waitFor(60, TimeUnit.SECONDS)).as(read(err)).isTrue();
      assertThat(up.exitValue()).as(read(err)).isEqualTo(130);
      assertThat(read(err)).contains("Gracefully stopping");
      assertThat(read(out)).contains("got-term");
      assertThat(stack.ps()).extracting(container -> container.get("State")).containsOnly("exited");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
