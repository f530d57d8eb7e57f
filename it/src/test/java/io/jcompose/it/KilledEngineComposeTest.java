package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.CliContext;
import io.jcompose.cli.Main;
import io.jcompose.model.load.ProjectLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack brought up by jcompose on the bundled engine survives the engine's SIGKILL: the next
 * engine on the same socket and data adopts the containers, jcompose lists them running and shows
 * their logs, and {@code down} removes them (issue 5).
 */
@Timeout(300)
class KilledEngineComposeTest {

  private static final String IMAGE = "jck/busybox:1";

  @TempDir Path project;

  @Test
  void aKilledEnginesStackRunsOn_andTheNextEngineLetsJcomposeListFollowAndRemoveIt()
      throws Exception {
    Path directory = Files.createTempDirectory("jck-engine");
    Path socket = directory.resolve("engine.sock");
    String[] isolation = {
      "--network-prefix", "jck", "--network-pool", "10.215.0.0/16", "--cgroup-parent", "/jck"
    };
    BundledEngine first = BundledEngine.start(socket, isolation);
    BundledEngine second = null;
    try {
      first.importBusybox(IMAGE);
      Files.writeString(
          project.resolve("compose.yaml"),
          """
          name: jck
          services:
            web:
              image: %s
              command: ["sh", "-c", "echo up > /tmp/index.html; echo started-before-the-crash; exec httpd -f -p 80 -h /tmp"]
            client:
              image: %s
              depends_on: [web]
              command: ["sh", "-c", "until wget -q -O /dev/null http://web/; do sleep 0.2; done; echo reached-web; exec sleep 3600"]
          """
              .formatted(IMAGE, IMAGE));
      Run up = jcompose(first.host(), "up", "-d", "--wait");
      assertThat(up.code).as(up.err).isZero();
      awaitLogLine(first.host(), "reached-web");

      first.kill();
      second = BundledEngine.start(socket, isolation);
      awaitAnswer(second);

      Run ps = jcompose(second.host(), "ps", "--format", "json");
      assertThat(ps.out.lines().toList())
          .hasSize(2)
          .allSatisfy(line -> assertThat(line).contains("\"State\":\"running\""));
      Run logs = jcompose(second.host(), "--ansi", "never", "logs");
      assertThat(logs.out)
          .contains("web-1     | started-before-the-crash")
          .contains("client-1  | reached-web");
      Run down = jcompose(second.host(), "down", "-t", "1");
      assertThat(down.code).as(down.err).isZero();
      assertThat(second.docker("ps", "-aq").out()).isBlank();
      assertThat(
              second
                  .docker("network", "ls", "--filter", "label=com.docker.compose.project=jck", "-q")
                  .out())
          .isBlank();
    } finally {
      if (second != null) {
        second.close();
      } else {
        first.close();
      }
      Files.deleteIfExists(directory);
    }
  }

  private record Run(int code, String out, String err) {}

  private Run jcompose(String host, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var context =
        new CliContext(
            Map.of("DOCKER_HOST", host),
            project,
            () -> "",
            new PrintWriter(out),
            new PrintWriter(err),
            ProjectLoader::load);
    int code = Main.run(args, context);
    return new Run(code, out.toString(), err.toString());
  }

  private void awaitLogLine(String host, String text) throws InterruptedException {
    for (int attempt = 0; attempt < 150; attempt++) {
      if (jcompose(host, "logs").out.contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no log line " + text + ": " + jcompose(host, "logs").out);
  }

  private static void awaitAnswer(BundledEngine engine) throws Exception {
    for (int attempt = 0; attempt < 300; attempt++) {
      if (engine.docker("version").exitCode() == 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the restarted engine does not answer on " + engine.host());
  }
}
