package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import org.junit.jupiter.api.Test;

/** The real docker CLI (28.2.2) runs containers on the engine. */
class DockerCliContainersTest extends EngineTestBase {

  @Test
  void run_exitsWithTheContainersExitCode_andKeepsTheExitedContainer() throws Exception {
    DockerCli.Run run = engine.docker("run", "--name", "three", "busybox", "sh", "-c", "exit 3");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(3);
    assertThat(
            engine.docker("ps", "-a", "--filter", "name=three", "--format", "{{.Status}}").stdout())
        .startsWith("Exited (3) ");
    assertThat(engine.docker("rm", "three").exitCode()).isZero();
  }

  @Test
  void runDetachedWithAPublishedPort_servesHttp_andPsInspectLogsStopRmWork() throws Exception {
    int port = EngineFixture.freePort();
    DockerCli.Run run =
        engine.docker(
            "run",
            "-d",
            "--name",
            "web",
            "-p",
            port + ":80",
            "busybox",
            "sh",
            "-c",
            "echo hello > /tmp/index.html; echo serving; exec httpd -f -p 80 -h /tmp");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    String id = run.stdout().strip();
    assertThat(id).matches("[0-9a-f]{64}");

    assertThat(EngineFixture.httpGet(port)).isEqualTo("hello\n");

    String ps = engine.docker("ps", "-a", "--format", "{{.Names}}|{{.Status}}|{{.Ports}}").stdout();
    assertThat(ps).contains("web|Up ").contains("0.0.0.0:" + port + "->80/tcp");
    assertThat(
            engine
                .docker(
                    "inspect",
                    "--format",
                    "{{.Id}} {{.State.Status}} {{.Name}} {{(index (index .NetworkSettings.Ports \"80/tcp\") 0).HostPort}}",
                    "web")
                .stdout())
        .isEqualTo(id + " running /web " + port + "\n");
    assertThat(engine.docker("logs", "web").stdout()).isEqualTo("serving\n");

    DockerCli.Run stop = engine.docker("stop", "-t", "1", "web");
    assertThat(stop.stdout()).as(stop.stderr()).isEqualTo("web\n");
    assertThat(engine.docker("inspect", "--format", "{{.State.Status}}", "web").stdout())
        .isEqualTo("exited\n");
    assertThat(engine.docker("start", "web").exitCode()).isZero();
    assertThat(EngineFixture.httpGet(port)).isEqualTo("hello\n");
    DockerCli.Run remove = engine.docker("rm", "-f", "web");
    assertThat(remove.stdout()).as(remove.stderr()).isEqualTo("web\n");
    assertThat(engine.docker("ps", "-aq", "--filter", "name=web").stdout()).isEmpty();
  }

  @Test
  void twoContainersOnAUserNetwork_resolveEachOtherByName() throws Exception {
    DockerCli.Run server =
        engine.docker(
            "run",
            "-d",
            "--name",
            "named-server",
            "--network",
            "front",
            "busybox",
            "sh",
            "-c",
            "echo from-server > /tmp/index.html; exec httpd -f -p 80 -h /tmp");
    assertThat(server.exitCode()).as(server.stderr()).isZero();
    String shortId = server.stdout().strip().substring(0, 12);
    JsonNode endpoint =
        inspect("named-server").path("NetworkSettings").path("Networks").path("front");
    assertThat(endpoint.path("Aliases").toString()).isEqualTo("[\"" + shortId + "\"]");
    assertThat(endpoint.path("DNSNames").toString())
        .isEqualTo("[\"named-server\",\"" + shortId + "\"]");

    DockerCli.Run client =
        engine.docker(
            "run",
            "--rm",
            "--network",
            "front",
            "busybox",
            "sh",
            "-c",
            "nslookup named-server >/dev/null && /bin/busybox timeout 5 wget -q -O- http://named-server/");

    assertThat(client.stdout()).as(client.stderr()).isEqualTo("from-server\n");
    assertThat(client.exitCode()).isZero();
    assertThat(engine.docker("rm", "-f", "named-server").exitCode()).isZero();
  }

  @Test
  void hostAndNoneNetworks_giveTheHostsInterfacesOrOnlyLoopback() throws Exception {
    DockerCli.Run none =
        engine.docker("run", "--rm", "--network", "none", "busybox", "ip", "-o", "link");
    assertThat(none.exitCode()).as(none.stderr()).isZero();
    assertThat(none.stdout().lines()).hasSize(1).allMatch(line -> line.contains(": lo:"));

    DockerCli.Run host =
        engine.docker("run", "--rm", "--network", "host", "busybox", "ip", "-o", "link");
    assertThat(host.exitCode()).as(host.stderr()).isZero();
    assertThat(host.stdout().lines().count())
        .isEqualTo(
            io.jcompose.engine.host.HostCommand.run("ip", "-o", "link").stdout().lines().count());
  }

  @Test
  void runWithEnvWorkdirUserAndInit_runsTheProcessSo() throws Exception {
    DockerCli.Run run =
        engine.docker(
            "run",
            "--rm",
            "--init",
            "-e",
            "GREETING=hello",
            "-w",
            "/made/here",
            "-u",
            "65534",
            "busybox",
            "sh",
            "-c",
            "echo $GREETING $(pwd) $(id -u) $(cat /proc/1/cmdline | tr '\\0' ' ')");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).startsWith("hello /made/here 65534 /sbin/docker-init -- sh -c");
  }

  @Test
  void createStartWaitLogsRestartRenameKill_workAsWithDockerd() throws Exception {
    DockerCli.Run create =
        engine.docker("create", "--name", "cycle", "busybox", "sh", "-c", "echo run; exit 6");
    assertThat(create.exitCode()).as(create.stderr()).isZero();
    assertThat(engine.docker("start", "-a", "cycle").stdout()).isEqualTo("run\n");
    assertThat(engine.docker("wait", "cycle").stdout()).isEqualTo("6\n");
    assertThat(engine.docker("restart", "cycle").exitCode()).isZero();
    assertThat(engine.docker("wait", "cycle").stdout()).isEqualTo("6\n");
    assertThat(engine.docker("logs", "-f", "cycle").stdout()).isEqualTo("run\nrun\n");
    assertThat(engine.docker("rename", "cycle", "cycled").exitCode()).isZero();
    assertThat(engine.docker("rm", "cycled").stdout()).isEqualTo("cycled\n");

    assertThat(engine.docker("run", "-d", "--name", "killed", "busybox", "sleep", "100").exitCode())
        .isZero();
    assertThat(engine.docker("kill", "killed").stdout()).isEqualTo("killed\n");
    assertThat(engine.docker("wait", "killed").stdout()).isEqualTo("137\n");
    DockerCli.Run again = engine.docker("kill", "killed");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderr()).contains("is not running");
    assertThat(engine.docker("rm", "killed").exitCode()).isZero();
  }

  @Test
  void runRm_printsTheOutput_exitsZero_andRemovesTheContainer() throws Exception {
    DockerCli.Run run = engine.docker("run", "--rm", "busybox", "echo", "hi");

    assertThat(run.stdout()).as(run.stderr()).isEqualTo("hi\n");
    assertThat(run.exitCode()).isZero();
    assertThat(engine.docker("ps", "-aq").stdout()).isEmpty();
  }

  @Test
  void runRm_ofACommandThatDoesNotExist_failsAt127_andLeavesNoContainer() throws Exception {
    DockerCli.Run run = engine.docker("run", "--rm", "busybox", "/no/such/program");

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(127);
    assertThat(run.stderr()).contains("/no/such/program");
    assertThat(engine.docker("ps", "-aq").stdout()).isEmpty();
  }
}
