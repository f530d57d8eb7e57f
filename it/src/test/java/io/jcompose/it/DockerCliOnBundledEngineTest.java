package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private static final String IMAGE = "jcetest/cli-busybox:1";

  private BundledEngine engine;

  @BeforeEach
  void startEngine() throws Exception {
    engine =
        BundledEngine.start(Files.createTempDirectory("jce-cli-engine").resolve("engine.sock"));
  }

  @AfterEach
  void stopEngine() throws Exception {
    try {
      engine.docker("network", "rm", "jce-cli-net");
    } finally {
      engine.close();
    }
  }

  @Test
  void theDockerCli_runsImagesContainersNetworksAndVolumesOnTheEngine() throws Exception {
    assertOk(docker("version"));
    assertThat(assertOk(docker("info", "--format", "{{.OSType}} {{.Driver}}")).out().strip())
        .isEqualTo("linux overlay2");

    engine.importBusybox(IMAGE);
    Path archive = engine.directory().resolve("image.tar");
    assertOk(docker("save", "-o", archive.toString(), IMAGE));
    assertOk(docker("rmi", IMAGE));
    assertThat(assertOk(docker("load", "-i", archive.toString())).out())
        .contains("Loaded image: " + IMAGE);
    assertThat(assertOk(docker("images", "--format", "{{.Repository}}:{{.Tag}}")).out())
        .contains(IMAGE);

    CommandRun hello = docker("run", "--rm", IMAGE, "echo", "hi");
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
    CommandRun byName =
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

  private static CommandRun assertOk(CommandRun run) {
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

  private CommandRun docker(String... args) throws Exception {
    return engine.docker(args);
  }
}
