package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The docker CLI's classic {@code docker build} against the engine's builder. */
class BuildCliTest extends EngineTestBase {

  private static final Pattern STEP = Pattern.compile("(?m)^Step \\d+/\\d+ : ");

  @Test
  void build_configInstructions_areInTheImageConfig() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "FROM busybox\n"
                    + "ENV GREETING=\"hello there\" PATH=/usr/local/bin:/bin\n"
                    + "LABEL com.example.role=web version=1\n"
                    + "EXPOSE 80 53/udp\n"
                    + "WORKDIR /srv/app\n"
                    + "USER 1000:1000\n"
                    + "VOLUME /data\n"
                    + "STOPSIGNAL SIGINT\n"
                    + "HEALTHCHECK --interval=5s --retries=2 CMD [\"true\"]\n"
                    + "ENTRYPOINT [\"sh\", \"-c\"]\n"
                    + "CMD [\"echo $GREETING from $(pwd)\"]\n"
                    + "ONBUILD RUN echo triggered\n"
                    + "MAINTAINER Jo Maintainer\n"));

    DockerCli.Run build = engine.docker("build", "-t", "built/config:1", context.toString());

    assertThat(build.exitCode()).as(build.stderr()).isZero();
    assertThat(STEP.matcher(build.stdout()).results().count()).isEqualTo(13);
    assertThat(build.stdout()).contains("Successfully tagged built/config:1");
    JsonNode config = imageConfig("built/config:1");
    assertThat(engine.get("/v1.44/images/built/config:1/json").json().path("Author").asText())
        .isEqualTo("Jo Maintainer");
    assertThat(config.path("Env").toString())
        .contains("GREETING=hello there", "PATH=/usr/local/bin:/bin");
    assertThat(config.path("Labels").path("com.example.role").asText()).isEqualTo("web");
    assertThat(config.path("ExposedPorts").has("80/tcp")).isTrue();
    assertThat(config.path("ExposedPorts").has("53/udp")).isTrue();
    assertThat(config.path("WorkingDir").asText()).isEqualTo("/srv/app");
    assertThat(config.path("User").asText()).isEqualTo("1000:1000");
    assertThat(config.path("Volumes").has("/data")).isTrue();
    assertThat(config.path("StopSignal").asText()).isEqualTo("SIGINT");
    assertThat(config.path("Healthcheck").path("Test").toString()).isEqualTo("[\"CMD\",\"true\"]");
    assertThat(config.path("Healthcheck").path("Interval").asLong()).isEqualTo(5_000_000_000L);
    assertThat(config.path("Entrypoint").toString()).isEqualTo("[\"sh\",\"-c\"]");
    assertThat(config.path("OnBuild").toString()).isEqualTo("[\"RUN echo triggered\"]");
    DockerCli.Run run = engine.docker("run", "--rm", "--user", "0", "built/config:1");
    assertThat(run.stdout()).as(run.stderr()).isEqualTo("hello there from /srv/app\n");
  }

  @Test
  void build_runAndCopy_makeLayersTheImageRunsWith() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "FROM busybox\n"
                    + "COPY greeting.txt /app/\n"
                    + "RUN echo built >> /app/greeting.txt && echo step-output\n"
                    + "CMD [\"cat\", \"/app/greeting.txt\"]\n",
                "greeting.txt",
                "copied\n"));

    DockerCli.Run build = engine.docker("build", "-t", "built/files:1", context.toString());

    assertThat(build.exitCode()).as(build.stderr()).isZero();
    assertThat(build.stdout().lines()).contains("step-output");
    assertThat(build.stdout()).contains("Removing intermediate container");
    DockerCli.Run run = engine.docker("run", "--rm", "built/files:1");
    assertThat(run.stdout()).as(run.stderr()).isEqualTo("copied\nbuilt\n");
    assertThat(engine.docker("ps", "-aq").stdout()).isEmpty();
  }

  @Test
  void rebuild_usesTheCacheForEveryStep_andAChangedFileRerunsOnlyFromItsCopy() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "FROM busybox\n"
                    + "RUN echo first-run > /first && echo first-run\n"
                    + "COPY input.txt /input.txt\n"
                    + "RUN cat /input.txt > /second && echo second-run\n"
                    + "CMD [\"cat\", \"/first\", \"/second\"]\n",
                "input.txt",
                "one\n"));
    DockerCli.Run first = engine.docker("build", "-t", "built/cache:1", context.toString());
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(first.stdout().lines()).contains("first-run", "second-run");
    assertThat(first.stdout()).doesNotContain("Using cache");

    DockerCli.Run cached = engine.docker("build", "-t", "built/cache:1", context.toString());

    assertThat(cached.exitCode()).as(cached.stderr()).isZero();
    assertThat(count(cached.stdout(), "Using cache")).isEqualTo(4);
    assertThat(cached.stdout().lines()).doesNotContain("first-run", "second-run");
    assertThat(cached.stdout()).doesNotContain("Running in");
    assertThat(imageId(cached)).isEqualTo(imageId(first));

    Files.writeString(context.resolve("input.txt"), "two\n");
    DockerCli.Run changed = engine.docker("build", "-t", "built/cache:1", context.toString());

    assertThat(changed.exitCode()).as(changed.stderr()).isZero();
    assertThat(count(changed.stdout(), "Using cache")).isEqualTo(1);
    assertThat(changed.stdout().lines()).doesNotContain("first-run").contains("second-run");
    DockerCli.Run run = engine.docker("run", "--rm", "built/cache:1");
    assertThat(run.stdout()).as(run.stderr()).isEqualTo("first-run\ntwo\n");

    DockerCli.Run uncached =
        engine.docker("build", "--no-cache", "-t", "built/cache:1", context.toString());
    assertThat(uncached.stdout()).doesNotContain("Using cache");
    assertThat(uncached.stdout().lines()).contains("first-run");
  }

  @Test
  void cache_survivesAnEngineRestart_andGoesWithTheImage() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "FROM busybox\nRUN echo restart-run > /made && echo restart-run\nLABEL step=2\n"));
    long shown = engine.docker("images", "-q").stdout().lines().count();
    long all = engine.docker("images", "-aq").stdout().lines().count();
    DockerCli.Run first = engine.docker("build", "-t", "built/restart:1", context.toString());
    assertThat(first.stdout().lines()).as(first.stderr()).contains("restart-run");
    assertThat(engine.docker("images", "-q").stdout().lines()).hasSize((int) shown + 1);
    assertThat(engine.docker("images", "-aq").stdout().lines()).hasSize((int) all + 2);

    engine.stop();
    engine.start();
    DockerCli.Run afterRestart =
        engine.docker("build", "-t", "built/restart:1", context.toString());

    assertThat(afterRestart.exitCode()).as(afterRestart.stderr()).isZero();
    assertThat(count(afterRestart.stdout(), "Using cache")).isEqualTo(2);
    assertThat(imageId(afterRestart)).isEqualTo(imageId(first));

    DockerCli.Run removal = engine.docker("rmi", "built/restart:1");
    assertThat(removal.stdout()).contains("Untagged: built/restart:1", "Deleted: sha256:");
    assertThat(engine.docker("images", "-aq").stdout().lines()).hasSize((int) all);
    DockerCli.Run rebuilt = engine.docker("build", "-t", "built/restart:1", context.toString());
    assertThat(rebuilt.stdout()).doesNotContain("Using cache");
    assertThat(rebuilt.stdout().lines()).contains("restart-run");
  }

  @Test
  void runFailure_failsTheBuildWithDockersMessage_andLeavesNoContainer() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile", "FROM busybox\nRUN echo before-failing && false\nRUN echo never\n"));

    DockerCli.Run build = engine.docker("build", "-t", "built/failing:1", context.toString());

    assertThat(build.exitCode()).isEqualTo(1);
    assertThat(build.stdout().lines()).contains("before-failing").doesNotContain("never");
    assertThat(build.stderr())
        .contains(
            "The command '/bin/sh -c echo before-failing && false' returned a non-zero code: 1");
    assertThat(engine.docker("ps", "-aq").stdout()).isEmpty();
    assertThat(engine.docker("image", "inspect", "built/failing:1").exitCode()).isNotZero();
    assertThat(engine.leftovers()).isEmpty();
  }

  @Test
  void multiStage_copiesFromAnEarlierStage_buildsOnlyWhatTheTargetNeeds() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "FROM busybox AS builder\n"
                    + "RUN busybox mkdir -p /out && echo artifact > /out/result\n"
                    + "\n"
                    + "FROM busybox AS unused\n"
                    + "RUN echo unused-stage-ran && false\n"
                    + "\n"
                    + "FROM busybox AS final\n"
                    + "COPY --from=builder /out/result /result\n"
                    + "CMD [\"cat\", \"/result\"]\n"
                    + "\n"
                    + "FROM final AS extra\n"
                    + "RUN echo extra-ran\n"));

    DockerCli.Run build =
        engine.docker("build", "--target", "final", "-t", "built/multi:1", context.toString());

    assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();
    assertThat(build.stdout()).doesNotContain("unused", "extra");
    assertThat(STEP.matcher(build.stdout()).results().count()).isEqualTo(5);
    DockerCli.Run run = engine.docker("run", "--rm", "built/multi:1");
    assertThat(run.stdout()).as(run.stderr()).isEqualTo("artifact\n");
  }

  @Test
  void fromScratch_makesAnImageOfOnlyTheCopiedFiles() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "FROM scratch\nCOPY data.txt /data/\nWORKDIR /data\nLABEL kind=scratch\n",
                "data.txt",
                "scratch data\n"));

    DockerCli.Run build = engine.docker("build", "-t", "built/scratch:1", context.toString());

    assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();
    EngineFixture.Reply image = engine.get("/v1.44/images/built/scratch:1/json");
    assertThat(image.json().path("RootFS").path("Layers")).hasSize(1);
    assertThat(image.json().path("Config").path("WorkingDir").asText()).isEqualTo("/data");
    Path out = Files.createTempDirectory(engine.directory, "scratch-out-");
    assertThat(
            engine
                .docker("create", "--name", "scratch-files", "built/scratch:1", "none")
                .exitCode())
        .isZero();
    DockerCli.Run copy = engine.docker("cp", "scratch-files:/data/data.txt", out.toString());
    assertThat(copy.exitCode()).as(copy.stderr()).isZero();
    assertThat(Files.readString(out.resolve("data.txt"))).isEqualTo("scratch data\n");
    assertThat(engine.docker("rm", "scratch-files").exitCode()).isZero();
  }

  @Test
  void onBuildTriggers_runRightAfterTheFromOfAChildBuild() throws Exception {
    Path base =
        context(
            Map.of(
                "Dockerfile",
                "FROM busybox\nONBUILD COPY marker.txt /marker.txt\nONBUILD RUN echo trigger-ran\n"));
    assertThat(engine.docker("build", "-t", "built/onbuild-base:1", base.toString()).exitCode())
        .isZero();
    Path child =
        context(
            Map.of(
                "Dockerfile",
                "FROM built/onbuild-base:1\nCMD [\"cat\", \"/marker.txt\"]\n",
                "marker.txt",
                "from the child context\n"));

    DockerCli.Run build = engine.docker("build", "-t", "built/onbuild-child:1", child.toString());

    assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();
    assertThat(build.stdout().lines()).contains("# Executing 2 build triggers", "trigger-ran");
    assertThat(engine.docker("run", "--rm", "built/onbuild-child:1").stdout())
        .isEqualTo("from the child context\n");
    assertThat(imageConfig("built/onbuild-child:1").path("OnBuild").isNull()).isTrue();
  }

  @Test
  void buildArgs_reachRunAndExpansions_butNotTheImageEnv() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "ARG BASE=busybox\n"
                    + "FROM ${BASE}\n"
                    + "ARG FLAVOUR=plain\n"
                    + "ARG UNSET\n"
                    + "RUN echo \"flavour=$FLAVOUR unset=$UNSET\" > /flavour\n"
                    + "LABEL flavour=$FLAVOUR\n"));

    DockerCli.Run build =
        engine.docker(
            "build",
            "--build-arg",
            "FLAVOUR=spicy",
            "--build-arg",
            "NOBODY_DECLARES=1",
            "--label",
            "org.example.built-by=test",
            "-t",
            "built/args:1",
            context.toString());

    assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();
    JsonNode config = imageConfig("built/args:1");
    assertThat(config.path("Labels").path("flavour").asText()).isEqualTo("spicy");
    assertThat(config.path("Labels").path("org.example.built-by").asText()).isEqualTo("test");
    assertThat(config.path("Env").toString()).doesNotContain("FLAVOUR");
    assertThat(build.stdout())
        .contains("[Warning] One or more build-args [NOBODY_DECLARES] were not consumed");
    assertThat(engine.docker("run", "--rm", "built/args:1", "cat", "/flavour").stdout())
        .isEqualTo("flavour=spicy unset=\n");
  }

  @Test
  void dockerfileMistake_isReportedWithItsLine_beforeAnythingRuns() throws Exception {
    Path context = context(Map.of("Dockerfile", "FROM busybox\nRUN echo fine\nFROBNICATE now\n"));

    DockerCli.Run build = engine.docker("build", "-t", "built/broken:1", context.toString());

    assertThat(build.exitCode()).isNotZero();
    assertThat(build.stderr()).contains("Dockerfile:3");
    assertThat(build.stdout()).doesNotContain("Step 1/");
  }

  private JsonNode imageConfig(String reference) throws IOException {
    EngineFixture.Reply reply = engine.get("/v1.44/images/" + reference + "/json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("Config");
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  private static String imageId(DockerCli.Run build) {
    var matcher = Pattern.compile("Successfully built ([0-9a-f]{12})").matcher(build.stdout());
    assertThat(matcher.find()).as(build.stdout()).isTrue();
    return matcher.group(1);
  }

  private Path context(Map<String, String> files) throws IOException {
    Path directory = Files.createTempDirectory(engine.directory, "build-");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = directory.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    return directory;
  }
}
