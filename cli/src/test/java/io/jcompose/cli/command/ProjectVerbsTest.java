package io.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.Cli;
import io.jcompose.model.load.ProjectLoader;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.runtime.InMemoryRuntime;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.ContainerSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project verbs end to end on the in-memory runtime: what they change and what they print. */
class ProjectVerbsTest {

  private static final String STACK =
      """
      name: demo
      services:
        db:
          image: busybox:1
          command: sleep 1000
        web:
          image: busybox:1
          command: sleep 1000
          depends_on: [db]
      """;

  @TempDir Path directory;

  private final InMemoryRuntime runtime = new InMemoryRuntime();
  private Cli cli;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(directory.resolve("compose.yaml"), STACK);
    runtime.addImage("busybox:1", Map.of());
    cli = Cli.in(directory, ProjectLoader::load).on(runtime);
  }

  @Test
  void upDetached_createsAndStartsEveryService() {
    assertThat(cli.run("--progress", "plain", "up", "-d")).as(cli.err()).isZero();

    assertThat(states())
        .containsExactly(
            Map.entry("demo-db-1", ContainerStatus.RUNNING),
            Map.entry("demo-web-1", ContainerStatus.RUNNING));
  }

  @Test
  void dryRun_printsThePlanAndChangesNothing() {
    assertThat(cli.run("--dry-run", "up", "-d")).as(cli.err()).isZero();

    assertThat(cli.out())
        .contains("network demo_default: create")
        .contains("container demo-db-1: create")
        .contains("container demo-web-1: start");
    assertThat(states()).isEmpty();
  }

  @Test
  void secondUp_planIsEmpty() {
    cli.run("up", "-d");
    cli.clear();

    assertThat(cli.run("--dry-run", "up", "-d")).isZero();
    assertThat(cli.out()).doesNotContain("container demo-");
  }

  @Test
  void stopThenStart_followsTheDependencies() {
    cli.run("up", "-d");

    assertThat(cli.run("stop", "-t", "1")).as(cli.err()).isZero();
    assertThat(states().values()).containsOnly(ContainerStatus.EXITED);
    assertThat(cli.run("start", "web")).as(cli.err()).isZero();
    assertThat(states()).containsEntry("demo-web-1", ContainerStatus.RUNNING);
    int stopWeb = runtime.calls().indexOf("stopContainer demo-web-1");
    int stopDb = runtime.calls().indexOf("stopContainer demo-db-1");
    assertThat(stopWeb).as(runtime.calls().toString()).isGreaterThanOrEqualTo(0).isLessThan(stopDb);
  }

  @Test
  void ps_listsRunningContainersAndAllWithA() {
    cli.run("up", "-d");
    cli.run("stop", "db");
    cli.clear();

    assertThat(cli.run("ps")).isZero();
    assertThat(cli.out()).startsWith("NAME").contains("demo-web-1").doesNotContain("demo-db-1");
    cli.clear();
    assertThat(cli.run("ps", "-a", "--format", "json")).isZero();
    assertThat(cli.out().lines().toList())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("{\"Command\""))
        .anySatisfy(
            line -> assertThat(line).contains("\"Name\":\"demo-db-1\"", "\"State\":\"exited\""));
    cli.clear();
    assertThat(cli.run("ps", "-a", "--services")).isZero();
    assertThat(cli.out()).isEqualTo("db\nweb\n");
  }

  @Test
  void rm_removesOnlyStoppedContainersUnlessStop() {
    cli.run("up", "-d");
    cli.run("stop", "web");

    assertThat(cli.run("rm", "-f")).as(cli.err()).isZero();
    assertThat(states()).containsOnlyKeys("demo-db-1");
    assertThat(cli.run("rm", "-f", "--stop")).as(cli.err()).isZero();
    assertThat(states()).isEmpty();
  }

  @Test
  void kill_sendsTheSignalToRunningContainers() {
    cli.run("up", "-d");

    assertThat(cli.run("kill", "-s", "SIGTERM", "web")).as(cli.err()).isZero();
    assertThat(runtime.calls()).contains("killContainer demo-web-1");
  }

  @Test
  void down_removesContainersAndNetwork() {
    cli.run("up", "-d");

    assertThat(cli.run("down")).as(cli.err()).isZero();
    assertThat(states()).isEmpty();
    assertThat(runtime.listNetworks(Labels.projectResources("demo"))).isEmpty();
  }

  @Test
  void downByProjectNameOnly_worksWithoutAComposeFile() throws IOException {
    cli.run("up", "-d");
    Files.delete(directory.resolve("compose.yaml"));

    assertThat(cli.run("-p", "demo", "down")).as(cli.err()).isZero();
    assertThat(states()).isEmpty();
  }

  @Test
  void ls_listsTheProjectWithItsStates() {
    cli.run("up", "-d");
    cli.run("stop", "db");
    cli.clear();

    assertThat(cli.run("ls")).isZero();
    assertThat(cli.out()).contains("NAME", "demo", "exited(1), running(1)");
  }

  @Test
  void unknownService_isOneLineAndExitOne() {
    assertThat(cli.run("up", "-d", "nope")).isEqualTo(1);
    assertThat(cli.err()).contains("no such service: nope").doesNotContain("Exception");
  }

  @Test
  void invalidProject_exitsThree() throws IOException {
    Files.writeString(directory.resolve("compose.yaml"), "services:\n  web:\n    image: [1\n");

    assertThat(cli.run("up", "-d")).isEqualTo(3);
  }

  @Test
  void conflictingFlags_areAUsageError() {
    assertThat(cli.run("up", "--build", "--no-build")).isEqualTo(2);
    assertThat(cli.err()).contains("--build and --no-build cannot be combined");
  }

  private Map<String, ContainerStatus> states() {
    var states = new TreeMap<String, ContainerStatus>();
    for (ContainerSummary container : runtime.listContainers(Labels.projectContainers("demo"))) {
      states.put(container.name(), container.status());
    }
    return states;
  }
}
