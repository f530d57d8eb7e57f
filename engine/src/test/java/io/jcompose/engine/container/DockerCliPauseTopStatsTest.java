package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.api.DockerCli;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real docker CLI pauses, unpauses, lists the processes of and measures containers. */
class DockerCliPauseTopStatsTest extends EngineTestBase {

  private static final String COUNTER = "i=0; while true; do i=$((i+1)); echo $i; sleep 0.1; done";

  @Test
  void pause_freezesTheContainer_psShowsPaused_execIsRefused_andUnpauseResumesIt()
      throws Exception {
    assertThat(
            engine
                .docker("run", "-d", "--name", "counter", "busybox", "sh", "-c", COUNTER)
                .exitCode())
        .isZero();
    awaitLines("counter", 3);

    DockerCli.Run pause = engine.docker("pause", "counter");
    assertThat(pause.stdout()).as(pause.stderr()).isEqualTo("counter\n");
    int frozen = lines("counter");
    TimeUnit.MILLISECONDS.sleep(800);
    assertThat(lines("counter")).isEqualTo(frozen);
    assertThat(engine.docker("ps", "--filter", "name=counter", "--format", "{{.Status}}").stdout())
        .matches("Up .* \\(Paused\\)\n");
    assertThat(
            engine
                .docker("inspect", "--format", "{{.State.Status}} {{.State.Paused}}", "counter")
                .stdout())
        .isEqualTo("paused true\n");
    DockerCli.Run exec = engine.docker("exec", "counter", "true");
    assertThat(exec.exitCode()).isNotZero();
    assertThat(exec.stderr()).contains("is paused");
    assertThat(engine.docker("pause", "counter").stderr()).contains("is already paused");

    DockerCli.Run unpause = engine.docker("unpause", "counter");
    assertThat(unpause.stdout()).as(unpause.stderr()).isEqualTo("counter\n");
    awaitLines("counter", frozen + 3);
    assertThat(engine.docker("inspect", "--format", "{{.State.Status}}", "counter").stdout())
        .isEqualTo("running\n");
    assertThat(engine.docker("unpause", "counter").stderr()).contains("is not paused");
    assertThat(engine.docker("rm", "-f", "counter").exitCode()).isZero();
  }

  @Test
  void pausedContainers_canBeStoppedKilledAndForceRemoved() throws Exception {
    for (String name : new String[] {"paused-stop", "paused-kill", "paused-rm"}) {
      assertThat(
              engine.docker("run", "-d", "--name", name, "busybox", "sh", "-c", COUNTER).exitCode())
          .isZero();
      assertThat(engine.docker("pause", name).exitCode()).isZero();
    }

    DockerCli.Run stop = engine.docker("stop", "-t", "1", "paused-stop");
    assertThat(stop.exitCode()).as(stop.stderr()).isZero();
    assertThat(engine.docker("inspect", "--format", "{{.State.Status}}", "paused-stop").stdout())
        .isEqualTo("exited\n");
    DockerCli.Run kill = engine.docker("kill", "paused-kill");
    assertThat(kill.exitCode()).as(kill.stderr()).isZero();
    assertThat(engine.docker("wait", "paused-kill").stdout()).isEqualTo("137\n");
    DockerCli.Run remove = engine.docker("rm", "-f", "paused-rm");
    assertThat(remove.exitCode()).as(remove.stderr()).isZero();
    assertThat(engine.docker("ps", "-aq", "--filter", "name=paused-rm").stdout()).isEmpty();

    String events =
        engine
            .docker(
                "events",
                "--since",
                "0",
                "--until",
                "0s",
                "--filter",
                "container=paused-stop",
                "--format",
                "{{.Action}}")
            .stdout();
    assertThat(events).contains("pause\n");
    engine.docker("rm", "-f", "paused-stop", "paused-kill");
  }

  @Test
  void top_listsTheContainersProcesses_withPsColumns() throws Exception {
    assertThat(
            engine
                .docker(
                    "run",
                    "-d",
                    "--name",
                    "topped",
                    "busybox",
                    "sh",
                    "-c",
                    "while true; do sleep 1; done")
                .exitCode())
        .isZero();

    DockerCli.Run top = engine.docker("top", "topped");

    assertThat(top.exitCode()).as(top.stderr()).isZero();
    String[] rows = top.stdout().split("\n");
    assertThat(rows[0].split("\\s+"))
        .containsExactly("UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD");
    assertThat(top.stdout()).contains("sh -c while true; do sleep 1; done");
    assertThat(top.stdout()).doesNotContain("java");
    DockerCli.Run custom = engine.docker("top", "topped", "-o", "pid,comm");
    assertThat(custom.stdout()).as(custom.stderr()).startsWith("PID").contains("sh");

    assertThat(engine.docker("stop", "-t", "0", "topped").exitCode()).isZero();
    DockerCli.Run stopped = engine.docker("top", "topped");
    assertThat(stopped.exitCode()).isNotZero();
    assertThat(stopped.stderr()).contains("is not running");
    engine.docker("rm", "topped");
  }

  @Test
  void statsNoStream_showsTheContainerWithItsMemoryLimit() throws Exception {
    assertThat(
            engine
                .docker(
                    "run",
                    "-d",
                    "--name",
                    "measured",
                    "--memory",
                    "64m",
                    "busybox",
                    "sh",
                    "-c",
                    "while true; do sleep 1; done")
                .exitCode())
        .isZero();

    DockerCli.Run stats =
        engine.docker(
            "stats",
            "--no-stream",
            "--format",
            "{{.Name}}|{{.MemUsage}}|{{.PIDs}}|{{.NetIO}}",
            "measured");

    assertThat(stats.exitCode()).as(stats.stderr()).isZero();
    assertThat(stats.stdout()).matches("measured\\|[0-9.]+[KMG]?i?B / 64MiB\\|[1-9][0-9]*\\|.+\n");
    assertThat(engine.docker("rm", "-f", "measured").exitCode()).isZero();
  }

  @Test
  void statsOfAStoppedContainer_isZero() throws Exception {
    assertThat(engine.docker("create", "--name", "idle", "busybox", "true").exitCode()).isZero();

    EngineFixture.Reply reply = engine.get("/v1.44/containers/idle/stats?stream=false");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("read").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(reply.json().path("name").asText()).isEqualTo("/idle");
    assertThat(reply.json().path("cpu_stats").path("cpu_usage").path("total_usage").asLong())
        .isZero();
    engine.docker("rm", "idle");
  }

  @Test
  void statsOfARunningContainer_hasTwoCpuReadingsAndItsInterface() throws Exception {
    assertThat(
            engine
                .docker(
                    "run", "-d", "--name", "busy", "busybox", "sh", "-c", "while true; do :; done")
                .exitCode())
        .isZero();

    EngineFixture.Reply reply = engine.get("/v1.44/containers/busy/stats?stream=false");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    var body = reply.json();
    long now = body.path("cpu_stats").path("cpu_usage").path("total_usage").asLong();
    long before = body.path("precpu_stats").path("cpu_usage").path("total_usage").asLong();
    assertThat(before).isPositive();
    assertThat(now).isGreaterThan(before);
    assertThat(body.path("cpu_stats").path("system_cpu_usage").asLong())
        .isGreaterThan(body.path("precpu_stats").path("system_cpu_usage").asLong());
    assertThat(body.path("memory_stats").path("usage").asLong()).isPositive();
    assertThat(body.path("pids_stats").path("current").asLong()).isPositive();
    assertThat(body.path("networks").has("eth0")).as(reply.body()).isTrue();
    assertThat(body.path("blkio_stats").path("io_service_bytes_recursive").isArray()).isTrue();

    EngineFixture.Reply oneShot =
        engine.get("/v1.44/containers/busy/stats?stream=false&one-shot=true");
    assertThat(oneShot.json().path("preread").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(engine.docker("rm", "-f", "busy").exitCode()).isZero();
  }

  @Test
  void statsStream_sendsAnObjectEverySecond_eachWithTheReadingBefore() throws Exception {
    assertThat(
            engine
                .docker(
                    "run",
                    "-d",
                    "--name",
                    "streamed",
                    "busybox",
                    "sh",
                    "-c",
                    "while true; do :; done")
                .exitCode())
        .isZero();

    var objects = new java.util.ArrayList<com.fasterxml.jackson.databind.JsonNode>();
    try (var client = io.jcompose.engine.http.TestClient.connect(engine.socket)) {
      client.send("GET /v1.44/containers/streamed/stats HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(client.readHead().status()).isEqualTo(200);
      var pending = new StringBuilder();
      while (objects.size() < 2) {
        pending.append(new String(client.readChunk(), java.nio.charset.StandardCharsets.UTF_8));
        int end;
        while ((end = pending.indexOf("\n")) >= 0) {
          objects.add(EngineFixture.JSON.readTree(pending.substring(0, end)));
          pending.delete(0, end + 1);
        }
      }
    }

    assertThat(objects.get(0).path("preread").asText()).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(objects.get(1).path("preread").asText())
        .isEqualTo(objects.get(0).path("read").asText());
    assertThat(objects.get(1).path("precpu_stats").path("cpu_usage").path("total_usage").asLong())
        .isEqualTo(objects.get(0).path("cpu_stats").path("cpu_usage").path("total_usage").asLong());
    assertThat(engine.docker("rm", "-f", "streamed").exitCode()).isZero();
  }

  private int lines(String container) throws Exception {
    String logs = engine.docker("logs", container).stdout();
    return logs.isEmpty() ? 0 : logs.split("\n").length;
  }

  private void awaitLines(String container, int count) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      if (lines(container) >= count) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError(container + " did not print " + count + " lines");
  }
}
