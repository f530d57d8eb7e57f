package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Debian's docker-compose 1.29 pointed at the bundled engine (started through the launcher) brings
 * a two-service stack up, lists it, shows its logs (one service reached the other by name) and
 * takes it down with its volume and network.
 */
@Timeout(600)
class BundledEngineComposeV1Test {

  private static final String IMAGE = "jcetest/busybox:1";

  private BundledEngine engine;

  @BeforeEach
  void startEngine() throws Exception {
    engine =
        BundledEngine.start(Files.createTempDirectory("jce-compose-v1").resolve("engine.sock"));
    engine.importBusybox(IMAGE);
  }

  @AfterEach
  void stopEngine() throws Exception {
    engine.close();
  }

  @Test
  void dockerCompose129_runsAStackOnTheBundledEngine() throws Exception {
    Path project = Files.createDirectories(engine.directory().resolve("project"));
    Files.writeString(
        project.resolve("docker-compose.yml"),
        """
        version: "3.8"
        services:
          web:
            image: %s
            command: ["sh", "-c", "echo web-ready; echo hello-from-web > /tmp/index.html; exec httpd -f -p 80 -h /tmp"]
            volumes:
              - data:/data
          client:
            image: %s
            command: ["sh", "-c", "until wget -q -O- http://web/; do sleep 0.2; done; sleep 3600"]
            depends_on: [web]
        volumes:
          data:
        """
            .formatted(IMAGE, IMAGE));

    CommandRun up = compose(project, "up", "-d");
    assertThat(up.exitCode()).as(up.toString()).isZero();

    CommandRun ps = compose(project, "ps");
    assertThat(ps.out()).contains("jcev1_web_1").contains("jcev1_client_1");
    assertThat(ps.out().lines().filter(line -> line.contains(" Up "))).hasSize(2);

    CommandRun logs = awaitLogs(project, "hello-from-web");
    assertThat(logs.out()).contains("web-ready").contains("hello-from-web");

    CommandRun down = compose(project, "down", "-v");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(engine.docker("ps", "-aq").out()).isBlank();
    assertThat(engine.docker("volume", "ls", "-q").out()).doesNotContain("jcev1_data");
    assertThat(engine.docker("network", "ls", "--format", "{{.Name}}").out())
        .doesNotContain("jcev1_default");
  }

  private CommandRun awaitLogs(Path project, String text) throws Exception {
    CommandRun logs = compose(project, "logs", "--no-color");
    for (int attempt = 0; attempt < 100 && !logs.out().contains(text); attempt++) {
      Thread.sleep(200);
      logs = compose(project, "logs", "--no-color");
    }
    return logs;
  }

  private CommandRun compose(Path project, String... args)
      throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("docker-compose", "-p", "jcev1"));
    command.addAll(List.of(args));
    var environment = new HashMap<>(engine.clientEnvironment());
    environment.put("COMPOSE_INTERACTIVE_NO_CLI", "1");
    return CommandRun.run(command, project, environment, Duration.ofMinutes(3));
  }
}
