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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Attached {@code up} and {@code logs} on the in-memory runtime: what is printed, when it ends. */
@Timeout(60)
class AttachedUpTest {

  @TempDir Path directory;

  private final InMemoryRuntime runtime = new InMemoryRuntime();
  private Cli cli;

  @BeforeEach
  void setUp() {
    runtime.addImage("busybox:1", Map.of());
    cli = Cli.in(directory, ProjectLoader::load).on(runtime);
  }

  private void compose(String text) throws IOException {
    Files.writeString(directory.resolve("compose.yaml"), "name: demo\n" + text);
  }

  @Test
  void attachedUp_printsPrefixedOutputAndEndsWhenEveryContainerStopped() throws IOException {
    compose(
        """
        services:
          hello:
            image: busybox:1
            command: sh -c 'echo hello from one; echo and bye'
        """);

    assertThat(cli.run("--ansi", "never", "up")).as(cli.err()).isZero();

    assertThat(cli.out())
        .contains("hello-1  | hello from one", "hello-1  | and bye", "hello-1 exited with code 0");
  }

  @Test
  void exitCodeFrom_returnsThatServicesCodeAndStopsTheOthers() throws IOException {
    compose(
        """
        services:
          server:
            image: busybox:1
            command: sleep 1000
          check:
            image: busybox:1
            command: sh -c 'echo checking; exit 3'
        """);

    assertThat(cli.run("--ansi", "never", "up", "--exit-code-from", "check"))
        .as(cli.err())
        .isEqualTo(3);

    assertThat(cli.out()).containsPattern("check-1 +\\| checking");
    assertThat(cli.err()).contains("Aborting on container exit");
    assertThat(states()).containsEntry("demo-server-1", ContainerStatus.EXITED);
  }

  @Test
  void abortOnFailure_ignoresSuccessfulExits() throws IOException {
    compose(
        """
        services:
          ok:
            image: busybox:1
            command: sh -c 'exit 0'
          bad:
            image: busybox:1
            command: sh -c 'exit 5'
          server:
            image: busybox:1
            command: sleep 1000
        """);

    assertThat(cli.run("--ansi", "never", "up", "--abort-on-container-failure"))
        .as(cli.err())
        .isEqualTo(5);
    assertThat(cli.out()).contains("ok-1 exited with code 0", "bad-1 exited with code 5");
    assertThat(states()).containsEntry("demo-server-1", ContainerStatus.EXITED);
  }

  @Test
  void logs_printsEveryServiceAndHonoursTailAndNoPrefix() throws IOException {
    compose(
        """
        services:
          talk:
            image: busybox:1
            command: sh -c 'echo one; echo two; echo three'
        """);
    cli.run("up", "-d");
    awaitExited("demo-talk-1");
    cli.clear();

    assertThat(cli.run("logs", "--no-log-prefix", "--tail", "2")).as(cli.err()).isZero();
    assertThat(cli.out()).isEqualTo("two\nthree\n");
    cli.clear();
    assertThat(cli.run("--ansi", "never", "logs", "talk")).isZero();
    assertThat(cli.out()).contains("talk-1  | one", "talk-1  | three");
  }

  @Test
  void logs_badTail_isAUsageError() throws IOException {
    compose("services:\n  a:\n    image: busybox:1\n");

    assertThat(cli.run("logs", "--tail", "lots")).isEqualTo(2);
    assertThat(cli.err()).contains("--tail takes a number of lines");
  }

  private void awaitExited(String name) {
    awaitStatus(name, ContainerStatus.EXITED);
  }

  private void awaitStatus(String name, ContainerStatus status) {
    for (int i = 0; i < 500; i++) {
      if (states().get(name) == status) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Map<String, ContainerStatus> states() {
    var states = new TreeMap<String, ContainerStatus>();
    for (ContainerSummary container : runtime.listContainers(Labels.projectContainers("demo"))) {
      states.put(container.name(), container.status());
    }
    return states;
  }
}
