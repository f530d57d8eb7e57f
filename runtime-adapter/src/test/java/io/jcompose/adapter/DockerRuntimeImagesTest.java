package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.adapter.testing.TestDocker;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds and pulls against the real dockerd (which has no network: local base images only). */
class DockerRuntimeImagesTest {

  private final DockerRuntime runtime = TestDocker.runtime();
  private final String prefix = "jcat-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> containers = new ArrayList<>();
  private final List<String> images = new ArrayList<>();

  @TempDir Path context;

  @AfterEach
  void removeWhatTheTestMade() {
    for (String container : containers) {
      runtime.removeContainer(container, true, true);
    }
    for (String image : images) {
      try {
        runtime.removeImage(image, true);
      } catch (RuntimeFault.NotFound alreadyGone) {
        // never built
      }
    }
  }

  @Test
  void build_honoursDockerignoreBuildArgsTargetAndLabels() throws Exception {
    Files.writeString(
        context.resolve("Dockerfile"),
        """
        FROM %s AS base
        ARG GREETING=none
        COPY . /ctx
        RUN echo "$GREETING" > /greeting
        FROM base AS final
        RUN touch /final
        """
            .formatted(TestDocker.image()));
    Files.writeString(context.resolve(".dockerignore"), "secret*\n!secret-ok.txt\nlogs/**\n");
    Files.writeString(context.resolve("keep.txt"), "kept");
    Files.writeString(context.resolve("secret.txt"), "hidden");
    Files.writeString(context.resolve("secret-ok.txt"), "allowed");
    Files.createDirectories(context.resolve("logs/old"));
    Files.writeString(context.resolve("logs/old/app.log"), "noise");
    String tag = prefix + "/built:1";
    images.add(tag);
    List<ImageProgress> progress = Collections.synchronizedList(new ArrayList<>());

    String imageId =
        runtime.buildImage(
            new ImageBuild(
                context,
                "Dockerfile",
                List.of(tag),
                Map.of("GREETING", "hello"),
                Optional.of("base"),
                Map.of("io.jcompose.test", prefix),
                true,
                false),
            progress::add);

    assertThat(imageId).startsWith("sha256:");
    assertThat(progress).anySatisfy(step -> assertThat(step.status()).startsWith("Step 1/"));
    var image = runtime.inspectImage(tag).orElseThrow();
    assertThat(image.id()).isEqualTo(imageId);
    assertThat(image.labels()).containsEntry("io.jcompose.test", prefix);
    List<String> output =
        runIn(tag, "cat /greeting; ls -R /ctx; test -e /final && echo final || echo no-final");
    assertThat(output).contains("hello", "keep.txt", "secret-ok.txt", "Dockerfile", "no-final");
    assertThat(output).doesNotContain("secret.txt", "app.log", "final");
  }

  @Test
  void build_thatFailsIsAFaultWithTheBuildersMessage() throws IOException {
    Files.writeString(
        context.resolve("Dockerfile"), "FROM " + TestDocker.image() + "\nRUN exit 3\n");
    images.add(prefix + "/broken:1");

    assertThatThrownBy(
            () ->
                runtime.buildImage(
                    new ImageBuild(
                        context,
                        "Dockerfile",
                        List.of(prefix + "/broken:1"),
                        Map.of(),
                        Optional.empty(),
                        Map.of(),
                        false,
                        false),
                    step -> {}))
        .isInstanceOf(RuntimeFault.class)
        .hasMessageContaining("returned a non-zero code: 3");
  }

  @Test
  void build_refusesAContextWithASymlinkPointingOutsideIt(@TempDir Path outside)
      throws IOException {
    Files.writeString(context.resolve("Dockerfile"), "FROM " + TestDocker.image() + "\n");
    Files.writeString(outside.resolve("passwords"), "do not send");
    Files.createSymbolicLink(context.resolve("escape"), outside.resolve("passwords"));

    assertThatThrownBy(
            () ->
                runtime.buildImage(
                    new ImageBuild(
                        context,
                        "Dockerfile",
                        List.of(prefix + "/escaped:1"),
                        Map.of(),
                        Optional.empty(),
                        Map.of(),
                        false,
                        false),
                    step -> {}))
        .isInstanceOf(RuntimeFault.InvalidArgument.class)
        .hasMessageContaining("escape")
        .hasMessageContaining("points outside");
  }

  @Test
  void build_withNamedContexts_isRefusedByDockerdBeforeAnythingIsSent(@TempDir Path tools)
      throws IOException {
    Files.writeString(context.resolve("Dockerfile"), "FROM " + TestDocker.image() + "\n");
    String tag = prefix + "/named:1";
    images.add(tag);

    assertThatThrownBy(
            () ->
                runtime.buildImage(
                    new ImageBuild(
                        context,
                        "Dockerfile",
                        List.of(tag),
                        Map.of(),
                        Optional.empty(),
                        Map.of("com.docker.compose.service", "web"),
                        false,
                        false,
                        Map.of("tools", tools.toString())),
                    step -> {}))
        .isInstanceOf(RuntimeFault.InvalidArgument.class)
        .hasMessage(
            "service web: build.additional_contexts needs the bundled engine (dockerd's classic"
                + " builder cannot take named contexts)");
    assertThat(runtime.inspectImage(tag)).isEmpty();
  }

  @Test
  void push_ofAnImageThatIsNotThere_isNotFound() {
    assertThatThrownBy(() -> runtime.pushImage("127.0.0.1:1/" + prefix + ":1", step -> {}))
        .isInstanceOf(RuntimeFault.NotFound.class)
        .hasMessageContaining(prefix);
  }

  @Test
  void pull_fromAnUnreachableRegistryIsAFaultWithTheDaemonsMessage() {
    assertThatThrownBy(() -> runtime.pullImage("127.0.0.1:1/none:1", Optional.empty(), step -> {}))
        .isInstanceOfAny(RuntimeFault.Unavailable.class, RuntimeFault.NotFound.class)
        .hasMessageContaining("127.0.0.1:1");
  }

  @Test
  void logs_withTimestampsCarryTheTimeAndATtyContainersOutputIsStdout() throws Exception {
    ContainerSpec spec =
        ContainerSpec.simple(
            prefix + "-tty", TestDocker.image(), List.of("sh", "-c", "echo out; echo err >&2"));
    var process = spec.process();
    spec =
        new ContainerSpec(
            spec.name(),
            spec.image(),
            spec.labels(),
            new ContainerSpec.Process(
                process.command(),
                process.entrypoint(),
                process.environment(),
                process.user(),
                process.workingDir(),
                true,
                false,
                false,
                Optional.empty(),
                Optional.empty()),
            spec.networking(),
            spec.storage(),
            spec.resources(),
            spec.health(),
            spec.restart(),
            spec.logging());
    String containerId = runtime.createContainer(spec);
    containers.add(containerId);
    runtime.startContainer(containerId);
    runtime.waitContainer(containerId);
    List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());

    runtime
        .logs(
            containerId,
            new LogOptions(false, Optional.empty(), Optional.empty(), Optional.empty(), true),
            lines::add)
        .await();

    assertThat(lines).extracting(LogLine::text).containsExactly("out", "err");
    assertThat(lines).allSatisfy(line -> assertThat(line.time()).isPresent());
    assertThat(lines)
        .allSatisfy(line -> assertThat(line.stream()).isEqualTo(LogLine.Stream.STDOUT));
  }

  /** The lines a container of the image prints running {@code sh -c script}. */
  private List<String> runIn(String image, String script) throws InterruptedException {
    String containerId =
        runtime.createContainer(
            ContainerSpec.simple(
                prefix + "-run-" + containers.size(), image, List.of("sh", "-c", script)));
    containers.add(containerId);
    runtime.startContainer(containerId);
    runtime.waitContainer(containerId);
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    runtime.logs(containerId, LogOptions.all(), line -> lines.add(line.text())).await();
    return lines;
  }
}
