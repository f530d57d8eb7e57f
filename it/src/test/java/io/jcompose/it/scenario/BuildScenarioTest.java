package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code jcompose build} and {@code up} of a service with a {@code build} section, on dockerd and
 * on the bundled engine's builder: build args, a copied file, the cache on a rebuild, a changed
 * file rebuilt.
 */
@Timeout(180)
class BuildScenarioTest {

  private static final String COMPOSE =
      """
      services:
        app:
          build:
            context: ./app
            args:
              GREETING: from-compose-args
          image: ${BUILT}
          command: ["sh", "-c", "cat /greeting /note.txt"]
      """;

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void build_thenUp_runsTheBuiltImage_andARebuildPicksUpAChangedFile(Target target)
      throws Exception {
    String image = null;
    String firstId = null;
    try (Stack stack = Stack.create(target, "services: {}\n")) {
      image = "jcs-built-" + stack.projectName() + ":1";
      Path app = Files.createDirectories(stack.directory().resolve("app"));
      try {
        Files.writeString(
            app.resolve("Dockerfile"),
            "FROM "
                + target.image()
                + "\nARG GREETING\nRUN echo $GREETING > /greeting\nCOPY note.txt /note.txt\n");
        Files.writeString(app.resolve("note.txt"), "first note\n");
        stack.write(COMPOSE.replace("${BUILT}", image));

        stack.jcomposeOk("build");
        firstId = target.docker("image", "inspect", "-f", "{{.Id}}", image).ok().out().strip();
        stack.jcomposeOk("up", "-d");

        assertThat(stack.awaitLogs("app", "first note"))
            .contains("from-compose-args", "first note");
        CommandResult cached = stack.jcomposeOk("build");
        assertThat(cached.out() + cached.err()).contains("Using cache");

        Files.writeString(app.resolve("note.txt"), "second note\n");
        stack.jcomposeOk("build");
        assertThat(target.docker("run", "--rm", image, "cat", "/greeting", "/note.txt").ok().out())
            .isEqualTo("from-compose-args\nsecond note\n");
      } finally {
        Files.deleteIfExists(app.resolve("Dockerfile"));
        Files.deleteIfExists(app.resolve("note.txt"));
        Files.deleteIfExists(app);
      }
    } finally {
      if (image != null) {
        target.docker("rmi", "-f", image);
      }
      if (firstId != null) {
        target.docker("rmi", "-f", firstId);
      }
    }
  }
}
