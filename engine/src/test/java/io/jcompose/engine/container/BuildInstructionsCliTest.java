package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

/** More of what {@code docker build} does on the engine: SHELL, exec forms, sources, volumes. */
class BuildInstructionsCliTest extends EngineTestBase {

  @Test
  void shell_changesHowShellFormsRun_andExecFormsRunAsWritten() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "FROM busybox\n"
                    + "RUN [\"sh\", \"-c\", \"echo exec-form > /exec\"]\n"
                    + "SHELL [\"/bin/echo\", \"through-shell\"]\n"
                    + "RUN ignored words\n"
                    + "CMD shell form\n"));

    DockerCli.Run build = build(context, "built/shell:1");

    assertThat(build.stdout().lines()).contains("through-shell ignored words");
    assertThat(imageConfig("built/shell:1").path("Cmd").toString())
        .isEqualTo("[\"/bin/echo\",\"through-shell\",\"shell form\"]");
    assertThat(engine.docker("run", "--rm", "built/shell:1", "cat", "/exec").stdout())
        .isEqualTo("exec-form\n");
    assertThat(imageConfig("built/shell:1").path("Shell").toString())
        .isEqualTo("[\"/bin/echo\",\"through-shell\"]");
    DockerCli.Run child =
        build(
            context(Map.of("Dockerfile", "FROM built/shell:1\nRUN inherited\n")), "built/shell:2");
    assertThat(child.stdout().lines()).contains("through-shell inherited");
  }

  @Test
  void healthcheckNone_turnsOffTheBaseImagesCheck() throws Exception {
    build(context(Map.of("Dockerfile", "FROM busybox\nHEALTHCHECK CMD true\n")), "built/hc:1");

    build(context(Map.of("Dockerfile", "FROM built/hc:1\nHEALTHCHECK NONE\n")), "built/hc-none:1");

    assertThat(imageConfig("built/hc:1").path("Healthcheck").path("Test").toString())
        .isEqualTo("[\"CMD-SHELL\",\"true\"]");
    assertThat(imageConfig("built/hc-none:1").path("Healthcheck").path("Test").toString())
        .isEqualTo("[\"NONE\"]");
  }

  @Test
  void copyFromAnImage_addOfATar_andChown_putFilesInPlace() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "FROM busybox\n"
                    + "COPY --from=busybox /bin/busybox /copied/busybox\n"
                    + "ADD bundle.tar /unpacked/\n"
                    + "COPY --chown=1234:5678 owned.txt /owned.txt\n",
                "owned.txt",
                "owned\n"));
    try (OutputStream out = Files.newOutputStream(context.resolve("bundle.tar"));
        var tar = new TarArchiveOutputStream(out)) {
      byte[] content = "inside the tar\n".getBytes(StandardCharsets.UTF_8);
      var entry = new TarArchiveEntry("inner/file.txt");
      entry.setSize(content.length);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    }

    build(context, "built/sources:1");

    assertThat(
            engine
                .docker("run", "--rm", "built/sources:1", "/copied/busybox", "echo", "copied bb")
                .stdout())
        .isEqualTo("copied bb\n");
    assertThat(
            engine
                .docker("run", "--rm", "built/sources:1", "cat", "/unpacked/inner/file.txt")
                .stdout())
        .isEqualTo("inside the tar\n");
    assertThat(engine.docker("run", "--rm", "built/sources:1", "ls", "-ln", "/owned.txt").stdout())
        .contains(" 1234 ", " 5678 ");
  }

  @Test
  void runAfterVolume_changesUnderTheVolumeAreNotKept() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "FROM busybox\n"
                    + "VOLUME /data\n"
                    + "RUN echo lost > /data/lost.txt && echo kept > /kept.txt\n"));

    build(context, "built/volume:1");

    assertThat(engine.docker("run", "--rm", "built/volume:1", "ls", "/data").stdout()).isEmpty();
    assertThat(engine.docker("run", "--rm", "built/volume:1", "cat", "/kept.txt").stdout())
        .isEqualTo("kept\n");
    assertThat(engine.docker("volume", "ls", "-q").stdout().lines())
        .as("the build's anonymous volumes are removed with its containers")
        .isEmpty();
  }

  @Test
  void networkNone_runsStepsWithoutANetwork() throws Exception {
    Path context =
        context(
            Map.of(
                "Dockerfile",
                "FROM busybox\n"
                    + "RUN ip link show eth0 > /dev/null 2>&1 && echo has-eth0 || echo no-eth0\n"
                    + "RUN cat /etc/hosts\n"));

    DockerCli.Run isolated =
        engine.docker(
            "build",
            "--network",
            "none",
            "--add-host",
            "registry.example:10.1.2.3",
            "-t",
            "built/net:1",
            context.toString());
    DockerCli.Run bridged =
        engine.docker("build", "--no-cache", "-t", "built/net:2", context.toString());

    assertThat(isolated.stdout().lines()).as(isolated.stderr()).contains("no-eth0");
    assertThat(isolated.stdout()).contains("10.1.2.3").contains("registry.example");
    assertThat(bridged.stdout().lines()).as(bridged.stderr()).contains("has-eth0");
  }

  @Test
  void missingCopySource_failsInTheStream_andLeavesNothingBehind() throws Exception {
    Path context =
        context(Map.of("Dockerfile", "FROM busybox\nRUN echo before\nCOPY absent.txt /\n"));

    DockerCli.Run build = engine.docker("build", "-t", "built/absent:1", context.toString());

    assertThat(build.exitCode()).isEqualTo(1);
    assertThat(build.stdout()).contains("Step 3/3 : COPY absent.txt /");
    assertThat(build.stderr()).contains("absent.txt");
    assertThat(engine.docker("ps", "-aq").stdout()).isEmpty();
    try (Stream<Path> scratch = Files.list(engine.dataRoot.resolve("build").resolve("tmp"))) {
      assertThat(scratch).isEmpty();
    }
    assertThat(engine.leftovers()).isEmpty();
  }

  @Test
  void commit_makesAnImageOfAContainersChanges_withTheGivenChanges() throws Exception {
    DockerCli.Run ran =
        engine.docker(
            "run",
            "--name",
            "to-commit",
            "-e",
            "FROM_RUN=1",
            "busybox",
            "sh",
            "-c",
            "echo committed > /committed.txt && rm /bin/ls");
    assertThat(ran.exitCode()).as(ran.stderr()).isZero();

    DockerCli.Run commit =
        engine.docker(
            "commit",
            "-m",
            "saved state",
            "-a",
            "tester",
            "-c",
            "CMD [\"cat\", \"/committed.txt\"]",
            "-c",
            "ENV ADDED=yes",
            "to-commit",
            "built/committed:1");

    assertThat(commit.exitCode()).as(commit.stderr()).isZero();
    assertThat(commit.stdout()).startsWith("sha256:");
    assertThat(engine.docker("run", "--rm", "built/committed:1").stdout()).isEqualTo("committed\n");
    assertThat(engine.docker("run", "--rm", "built/committed:1", "ls").exitCode()).isNotZero();
    JsonNode image = engine.get("/v1.44/images/built/committed:1/json").json();
    assertThat(image.path("Comment").asText()).isEqualTo("saved state");
    assertThat(image.path("Author").asText()).isEqualTo("tester");
    assertThat(image.path("Config").path("Env").toString()).contains("FROM_RUN=1", "ADDED=yes");
    assertThat(engine.docker("rm", "to-commit").exitCode()).isZero();
  }

  @Test
  void execFormOfAMissingProgram_failsTheBuild_andLeavesNoContainer() throws Exception {
    Path context = context(Map.of("Dockerfile", "FROM busybox\nRUN [\"/no/such/program\"]\n"));

    DockerCli.Run build = engine.docker("build", "-t", "built/noprogram:1", context.toString());

    assertThat(build.exitCode()).isEqualTo(1);
    assertThat(build.stderr()).contains("/no/such/program");
    assertThat(engine.docker("ps", "-aq").stdout()).isEmpty();
  }

  private DockerCli.Run build(Path context, String tag) throws Exception {
    DockerCli.Run build = engine.docker("build", "-t", tag, context.toString());
    assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();
    return build;
  }

  private JsonNode imageConfig(String reference) throws IOException {
    EngineFixture.Reply reply = engine.get("/v1.44/images/" + reference + "/json");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().path("Config");
  }

  private Path context(Map<String, String> files) throws IOException {
    Path directory = Files.createTempDirectory(engine.directory, "build-");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(directory.resolve(file.getKey()), file.getValue());
    }
    return directory;
  }
}
