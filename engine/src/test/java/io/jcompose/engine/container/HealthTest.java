package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import org.junit.jupiter.api.Test;

/** Healthchecks run while a container runs, and inspect, list and the CLI report them. */
class HealthTest extends EngineTestBase {

  @Test
  void aFailingProbeMakesTheContainerUnhealthy_andAPassingOneHealthyAgain() throws Exception {
    String id =
        engine.create(
            "probed",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"],"
                + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"test -f /tmp/ok\"],"
                + "\"Interval\":100000000,\"Retries\":2}}");
    assertThat(inspect(id).path("State").has("Health")).isFalse();
    assertThat(engine.post("/containers/" + id + "/start").status()).isEqualTo(204);

    JsonNode unhealthy = awaitHealth(id, "unhealthy");

    assertThat(unhealthy.path("FailingStreak").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode probe = unhealthy.path("Log").get(0);
    assertThat(probe.path("ExitCode").asInt()).isEqualTo(1);
    assertThat(probe.path("Start").asText()).endsWith("Z");
    assertThat(listedStatus(id)).endsWith(" (unhealthy)");
    DockerCli.Run touch = engine.docker("exec", "probed", "sh", "-c", "echo > /tmp/ok");
    assertThat(touch.exitCode()).as(touch.stderr()).isZero();
    assertThat(awaitHealth(id, "healthy").path("FailingStreak").asInt()).isZero();
    assertThat(listedStatus(id)).endsWith(" (healthy)");
    assertThat(
            engine
                .get("/containers/json?filters=%7B%22health%22%3A%5B%22healthy%22%5D%7D")
                .json()
                .size())
        .isEqualTo(1);
    assertThat(engine.delete("/containers/" + id + "?force=1").status()).isEqualTo(204);
  }

  @Test
  void duringTheStartPeriod_probesRunEveryStartInterval_notEveryInterval() throws Exception {
    String id =
        engine.create(
            "quick-start",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"],"
                + "\"Healthcheck\":{\"Test\":[\"CMD-SHELL\",\"true\"],"
                + "\"Interval\":3600000000000,\"StartPeriod\":600000000000,"
                + "\"StartInterval\":100000000}}");
    assertThat(engine.post("/containers/" + id + "/start").status()).isEqualTo(204);

    JsonNode healthy = awaitHealth(id, "healthy");

    assertThat(healthy.path("Log").size()).isEqualTo(1);
    assertThat(inspect(id).path("Config").path("Healthcheck").path("StartInterval").asLong())
        .isEqualTo(100_000_000L);
    assertThat(engine.delete("/containers/" + id + "?force=1").status()).isEqualTo(204);
  }

  @Test
  void theCliSetsAHealthcheck_andNoneDisablesOne() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "-d",
            "--name",
            "cli-probed",
            "--health-cmd",
            "true",
            "--health-interval",
            "100ms",
            "busybox",
            "sleep",
            "100");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    awaitHealth("cli-probed", "healthy");
    assertThat(
            engine.docker("inspect", "--format", "{{.State.Health.Status}}", "cli-probed").stdout())
        .isEqualTo("healthy\n");

    String unchecked =
        engine.create(
            "",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"],\"Healthcheck\":{\"Test\":[\"NONE\"]}}");
    assertThat(engine.post("/containers/" + unchecked + "/start").status()).isEqualTo(204);
    assertThat(inspect(unchecked).path("State").has("Health")).isFalse();
    assertThat(engine.delete("/containers/cli-probed?force=1").status()).isEqualTo(204);
    assertThat(engine.delete("/containers/" + unchecked + "?force=1").status()).isEqualTo(204);
  }

  private JsonNode awaitHealth(String id, String status) throws Exception {
    JsonNode health = inspect(id).path("State").path("Health");
    while (!health.path("Status").asText().equals(status)) {
      Thread.sleep(20);
      health = inspect(id).path("State").path("Health");
    }
    return health;
  }

  private String listedStatus(String id) throws Exception {
    for (JsonNode item : engine.get("/containers/json").json()) {
      if (item.path("Id").asText().equals(id)) {
        return item.path("Status").asText();
      }
    }
    throw new AssertionError("not listed: " + id);
  }
}
