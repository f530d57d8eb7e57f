package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.transport.DockerHttpClient;
import io.jcompose.adapter.testing.TestDocker;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw {@code POST /build} that carries named contexts, sent to the real dockerd (which ignores
 * the unknown {@code x-jcompose-contexts} parameter and sees {@code .jcompose-contexts/} as part of
 * the context): the tar streams, the query reaches the builder, the progress stream is read.
 */
class RawBuildTest {

  private final String tag = "jcat-" + UUID.randomUUID().toString().substring(0, 8) + "/raw:1";
  private final DockerRuntime runtime = TestDocker.runtime();

  @TempDir Path context;
  @TempDir Path tools;

  @AfterEach
  void removeTheImage() {
    try {
      runtime.removeImage(tag, true);
    } catch (RuntimeFault.NotFound neverBuilt) {
      // the build failed
    }
  }

  @Test
  void send_buildsWithTheQueryAndReadsTheProgress() throws Exception {
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM "
            + TestDocker.image()
            + "\nARG GREETING\nCOPY .jcompose-contexts/tools/hello /hello\n"
            + "RUN echo \"$GREETING\" > /greeting\n");
    Files.writeString(tools.resolve("hello"), "from a named context\n");
    ImageBuild build = build(Map.of("tools", tools.toString()));
    var progress = new ArrayList<ImageProgress>();

    ProgressStream<BuildResponseItem> stream = send(build, progress);

    assertThat(stream.failure()).isEmpty();
    assertThat(stream.imageId()).isPresent();
    assertThat(progress).extracting(ImageProgress::status).anyMatch(s -> s.startsWith("Step 2/"));
    assertThat(runtime.inspectImage(tag))
        .hasValueSatisfying(
            image -> assertThat(image.labels()).containsEntry("com.example.kind", "raw"));
  }

  @Test
  void send_ofAFailingBuild_carriesTheBuildersMessage() throws Exception {
    Files.writeString(
        context.resolve("Dockerfile"), "FROM " + TestDocker.image() + "\nRUN exit 3\n");

    ProgressStream<BuildResponseItem> stream = send(build(Map.of()), new ArrayList<>());

    assertThat(stream.failure()).hasValueSatisfying(message -> assertThat(message).contains("3"));
    assertThat(runtime.inspectImage(tag)).isEmpty();
  }

  @Test
  @Timeout(60)
  void send_endsAtOnceWhenItsThreadIsInterrupted() throws Exception {
    Files.writeString(
        context.resolve("Dockerfile"), "FROM " + TestDocker.image() + "\nRUN sleep 300\n");
    var started = new CountDownLatch(1);
    var outcome = new AtomicReference<Throwable>();
    Thread building =
        new Thread(
            () -> {
              try {
                send(
                    build(Map.of()),
                    step -> {
                      if (step.status().contains("sleep 300")) {
                        started.countDown();
                      }
                    });
              } catch (Exception | Error failure) {
                outcome.set(failure);
              }
            });
    building.start();
    started.await();

    building.interrupt();
    building.join();

    assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    assertThat(runtime.inspectImage(tag)).isEmpty();
  }

  private ImageBuild build(Map<String, String> named) {
    return new ImageBuild(
        context,
        "Dockerfile",
        List.of(tag),
        Map.of("GREETING", "hi"),
        Optional.empty(),
        Map.of("com.example.kind", "raw"),
        false,
        false,
        named);
  }

  private ProgressStream<BuildResponseItem> send(ImageBuild build, List<ImageProgress> progress)
      throws Exception {
    return send(build, progress::add);
  }

  private ProgressStream<BuildResponseItem> send(
      ImageBuild build, java.util.function.Consumer<ImageProgress> progress) throws Exception {
    NamedContexts named =
        NamedContexts.of(build, NamedContexts.readDockerfile(context.resolve("Dockerfile")));
    var tar = new ByteArrayOutputStream();
    // the whole directory: dockerd reads it as part of the main context, not through --from
    new BuildContext(context, "Dockerfile")
        .writeTar(
            tar,
            named.trees().stream()
                .map(tree -> new BuildContext.NamedTree(tree.name(), tree.root(), Optional.empty()))
                .toList());
    var faults = new Faults("the test dockerd");
    try (DockerHttpClient http = Transport.open(TestDocker.endpoint())) {
      ApiVersion version = VersionNegotiation.negotiate(http, faults, "the test dockerd");
      return new RawBuild(new RawExchange(http, version, faults))
          .send(
              build,
              named.parameter(),
              new ByteArrayInputStream(tar.toByteArray()),
              new AuthConfigurations(),
              progress);
    }
  }
}
