package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Restart policies given with the docker CLI, as dockerd applies them. */
class RestartPolicyCliTest extends EngineTestBase {

  @Test
  void onFailureThree_restartsACrashingContainerThreeTimes_thenLeavesItExited() throws Exception {
    long startedAfter = System.currentTimeMillis() / 1000 - 1;
    DockerCli.Run run =
        engine.docker(
            "run",
            "-d",
            "--name",
            "crasher",
            "--restart",
            "on-failure:3",
            "busybox",
            "sh",
            "-c",
            "echo attempt; exit 4");
    assertThat(run.exitCode()).as(run.stderr()).isZero();

    JsonNode state =
        await("crasher", found -> found.path("State").path("Status").asText().equals("exited"));

    assertThat(state.path("State").path("ExitCode").asInt()).isEqualTo(4);
    assertThat(state.path("State").path("Restarting").asBoolean()).isFalse();
    assertThat(state.path("RestartCount").asInt()).isEqualTo(3);
    assertThat(
            engine
                .docker(
                    "inspect",
                    "--format",
                    "{{.RestartCount}} {{.HostConfig.RestartPolicy}}",
                    "crasher")
                .stdout())
        .isEqualTo("3 {on-failure 3}\n");
    assertThat(engine.docker("logs", "crasher").stdout()).isEqualTo("attempt\n".repeat(4));
    List<String> actions =
        engine
            .docker(
                "events",
                "--since",
                Long.toString(startedAfter),
                "--until",
                Long.toString(System.currentTimeMillis() / 1000 + 1),
                "--filter",
                "container=crasher",
                "--filter",
                "event=start",
                "--filter",
                "event=die",
                "--format",
                "{{.Action}}")
            .stdout()
            .lines()
            .toList();
    assertThat(actions)
        .containsExactly("start", "die", "start", "die", "start", "die", "start", "die");
    assertThat(engine.docker("rm", "crasher").exitCode()).isZero();
  }

  @Test
  void unlessStopped_restartsAfterAnExit_untilAClientStopsIt() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "-d",
            "--name",
            "keeper",
            "--restart",
            "unless-stopped",
            "busybox",
            "sh",
            "-c",
            "if [ -f /ran ]; then exec sleep 1000; fi; touch /ran; exit 0");
    assertThat(run.exitCode()).as(run.stderr()).isZero();

    JsonNode state =
        await(
            "keeper",
            found ->
                found.path("RestartCount").asInt() == 1
                    && found.path("State").path("Running").asBoolean());
    assertThat(state.path("State").path("Status").asText()).isEqualTo("running");
    assertThat(engine.docker("stop", "-t", "1", "keeper").exitCode()).isZero();
    assertThat(engine.docker("inspect", "--format", "{{.State.Status}}", "keeper").stdout())
        .isEqualTo("exited\n");
    assertThat(engine.docker("rm", "keeper").exitCode()).isZero();
  }

  @Test
  void aContainerWaitingToBeRestarted_isShownRestarting() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "-d",
            "--name",
            "bouncer",
            "--restart",
            "always",
            "busybox",
            "sh",
            "-c",
            "exit 1");
    assertThat(run.exitCode()).as(run.stderr()).isZero();

    JsonNode waiting =
        await("bouncer", found -> found.path("State").path("Restarting").asBoolean());

    assertThat(waiting.path("State").path("Status").asText()).isEqualTo("restarting");
    assertThat(waiting.path("State").path("ExitCode").asInt()).isEqualTo(1);
    String listed = "";
    while (!listed.startsWith("Restarting (1) ")) {
      listed =
          engine.docker("ps", "-a", "--filter", "name=bouncer", "--format", "{{.Status}}").stdout();
    }
    assertThat(listed).matches("Restarting \\(1\\) .+ ago\n");
    assertThat(engine.docker("rm", "-f", "bouncer").exitCode()).isZero();
    assertThat(engine.docker("ps", "-aq", "--filter", "name=bouncer").stdout()).isEmpty();
  }

  /** Polls inspect until {@code condition} holds (the class timeout bounds it); returns it. */
  private JsonNode await(String name, Predicate<JsonNode> condition) throws Exception {
    while (true) {
      JsonNode found = inspect(name);
      if (condition.test(found)) {
        return found;
      }
      Thread.sleep(50);
    }
  }
}
