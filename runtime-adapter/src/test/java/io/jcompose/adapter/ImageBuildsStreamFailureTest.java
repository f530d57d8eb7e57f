package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.adapter.testing.FakeDaemon;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build whose progress stream breaks off (the engine went away, or sent what is not JSON) fails
 * as an unavailable endpoint, not as a context the user must fix.
 */
class ImageBuildsStreamFailureTest {

  private static final String VERSION =
      FakeDaemon.json(
          "{\"ApiVersion\":\"1.44\",\"Platform\":{\"Name\":\""
              + ImageBuilds.BUNDLED_ENGINE_PLATFORM
              + "\"}}");

  @TempDir Path directory;
  private Path context;
  private Path tools;

  @BeforeEach
  void writeTheContexts() throws IOException {
    context = Files.createDirectories(directory.resolve("app"));
    tools = Files.createDirectories(directory.resolve("tools"));
    Files.writeString(
        context.resolve("Dockerfile"), "FROM scratch\nCOPY --from=tools hello /hello\n");
    Files.writeString(tools.resolve("hello"), "hello\n");
  }

  @Test
  void buildWithNamedContexts_whoseStreamIsCutShort_isUnavailable() throws IOException {
    assertBuildFailsUnavailable(
        FakeDaemon.cutShortStream("{\"stream\":\"Step 1/2 : FROM scratch\\n\"}\n"),
        Map.of("tools", tools.toString()));
  }

  @Test
  void buildWithNamedContexts_whoseStreamIsNotJson_isUnavailable() throws IOException {
    assertBuildFailsUnavailable(
        FakeDaemon.json("{\"stream\":\"Step 1/2\"}\n{\"stream\": oops"),
        Map.of("tools", tools.toString()));
  }

  @Test
  void build_whoseStreamIsCutShort_isUnavailable() throws IOException {
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY hello /hello\n");
    Files.writeString(context.resolve("hello"), "hello\n");

    assertBuildFailsUnavailable(
        FakeDaemon.cutShortStream("{\"stream\":\"Step 1/2 : FROM scratch\\n\"}\n"), Map.of());
  }

  private void assertBuildFailsUnavailable(String buildResponse, Map<String, String> named)
      throws IOException {
    Path socket = directory.resolve("engine.sock");
    var responses =
        Map.of("/_ping", FakeDaemon.ping("1.44"), "/version", VERSION, "/build", buildResponse);
    var build =
        new ImageBuild(
            context,
            "Dockerfile",
            List.of("jcat-stream/app:1"),
            Map.of(),
            Optional.empty(),
            Map.of(),
            false,
            false,
            named);
    try (var engine = FakeDaemon.start(socket, responses);
        DockerRuntime runtime =
            DockerRuntime.connect(
                new Endpoint(
                    URI.create("unix://" + socket), Endpoint.Origin.DOCKER_HOST, Optional.empty()),
                Map.of())) {
      assertThatThrownBy(() -> runtime.buildImage(build, step -> {}))
          .isInstanceOf(RuntimeFault.Unavailable.class)
          .hasMessageContaining("unix://" + socket)
          .hasMessageNotContaining("build context");
    }
  }
}
