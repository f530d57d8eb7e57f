package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real docker CLI against the bundled engine started by {@code jcompose engine run}: the
 * commands a user of the engine runs first (issue 5's list).
 */
@Timeout(600)
class DockerCliOnBundledEngineTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String IMAGE = "jcetest/cli-busybox:1";

  private Path directory;
  private Path socket;
  private Process engine;

  private record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
    }
  }

  @BeforeEach
  void startEngine() throws Exception {
    directory = Files.createTempDirectory("jce-cli-engine");
    socket = directory.resolve("engine.sock");
    engine =
        new ProcessBuilder(
                List.of(
                    "bash",
                    ROOT.resolve("jcompose").toString(),
                    "-H",
                    "unix://" + socket,
                    "engine",
                    "run",
                    "--data-root",
                    directory.resolve("data").toString(),
                    "--exec-root",
                    directory.resolve("exec").toString()))
            .redirectOutput(directory.resolve("engine.out").toFile())
            .redirectError(directory.resolve("engine.err").toFile())
            .start();
    for (int attempt = 0; attempt < 600 && !Files.exists(socket); attempt++) {
      assertThat(engine.isAlive()).as("the engine is running").isTrue();
      Thread.sleep(100);
    }
    assertThat(socket).exists();
  }

  @AfterEach
  void stopEngineAndClean() throws Exception {
    try {
      Run left = docker("ps", "-aq");
      if (!left.out().isBlank()) {
        var remove = new ArrayList<>(List.of("rm", "-f"));
        remove.addAll(left.out().lines().toList());
        docker(remove.toArray(String[]::new));
      }
      docker("network", "rm", "jce-cli-net");
    } finally {
      engine.destroy();
      if (!engine.waitFor(30, TimeUnit.SECONDS)) {
        engine.destroyForcibly();
      }
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  @Test
  void theDockerCli_runsImagesContainersNetworksAndVolumesOnTheEngine() throws Exception {
    assertOk(docker("version"));
    assertThat(assertOk(docker("info", "--format", "{{.OSType}} {{.Driver}}")).out().strip())
        .isEqualTo("linux overlay2");

    Path rootfs = BusyboxRootfs.write(directory.resolve("rootfs"));
    assertOk(docker("import", "--change", "ENV PATH=/bin", rootfs.toString(), IMAGE));
    Path archive = directory.resolve("image.tar");
    assertOk(docker("save", "-o", archive.toString(), IMAGE));
    assertOk(docker("rmi", IMAGE));
    assertThat(assertOk(docker("load", "-i", archive.toString())).out())
        .contains("Loaded image: " + IMAGE);
    assertThat(assertOk(docker("images", "--format", "{{.Repository}}:{{.Tag}}")).out())
        .contains(IMAGE);

    Run hello = docker("run", "--rm", IMAGE, "echo", "hi");
    assertThat(hello.exitCode()).as(hello.toString()).isZero();
    assertThat(hello.out()).isEqualTo("hi\n");
    assertThat(docker("run", "--rm", IMAGE, "sh", "-c", "exit 3").exitCode()).isEqualTo(3);

    assertOk(docker("network", "create", "jce-cli-net"));
    assertThat(assertOk(docker("network", "ls", "--format", "{{.Name}}")).out())
        .contains("jce-cli-net");
    int port = freePort();
    assertOk(
        docker(
            "run",
            "-d",
            "--name",
            "web",
            "--network",
            "jce-cli-net",
            "-p",
            port + ":80",
            IMAGE,
            "sh",
            "-c",
            "echo starting; echo hello-from-web > /tmp/index.html; exec httpd -f -p 80 -h /tmp"));
    assertThat(httpGet(port)).isEqualTo("hello-from-web\n");
    Run byName =
        docker(
            "run",
            "--rm",
            "--network",
            "jce-cli-net",
            IMAGE,
            "sh",
            "-c",
            "timeout 5 wget -q -O- http://web/index.html");
    assertThat(byName.out()).as(byName.toString()).isEqualTo("hello-from-web\n");

    assertThat(assertOk(docker("logs", "web")).out()).contains("starting");
    assertThat(assertOk(docker("ps", "-a", "--format", "{{.Names}} {{.State}}")).out())
        .contains("web running");
    assertThat(assertOk(docker("inspect", "--format", "{{.State.Running}}", "web")).out().strip())
        .isEqualTo("true");
    assertOk(docker("stop", "web"));
    assertThat(assertOk(docker("inspect", "--format", "{{.State.Status}}", "web")).out().strip())
        .isEqualTo("exited");
    assertOk(docker("rm", "-f", "web"));
    assertOk(docker("network", "rm", "jce-cli-net"));

    assertOk(docker("volume", "create", "jce-cli-volume"));
    assertThat(assertOk(docker("volume", "ls", "-q")).out()).contains("jce-cli-volume");
    assertOk(docker("volume", "rm", "jce-cli-volume"));
    assertThat(assertOk(docker("ps", "-aq")).out()).isBlank();
  }

  private static Run assertOk(Run run) {
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run;
  }

  private static int freePort() throws IOException {
    try (var server = new ServerSocket(0)) {
      return server.getLocalPort();
    }
  }

  private static String httpGet(int port) throws Exception {
    var client = HttpClient.newHttpClient();
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build();
    Exception last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
      } catch (IOException e) {
        last = e;
        Thread.sleep(100);
      }
    }
    throw new AssertionError("no answer on port " + port, last);
  }

  private Run docker(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("docker", "-H", "unix://" + socket));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().remove("DOCKER_HOST");
    builder.environment().remove("DOCKER_API_VERSION");
    builder.environment().put("DOCKER_CONFIG", directory.resolve("docker-config").toString());
    Path out = Files.createTempFile(directory, "out", ".txt");
    Path err = Files.createTempFile(directory, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within 2 minutes");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
