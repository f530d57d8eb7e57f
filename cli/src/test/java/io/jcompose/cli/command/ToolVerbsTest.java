package io.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.Cli;
import io.jcompose.model.load.ProjectLoader;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.runtime.InMemoryRuntime;
import io.jcompose.planner.spi.ContainerSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool verbs on the in-memory runtime, where they need only the planner's SPI. */
class ToolVerbsTest {

  private static final String STACK =
      """
      name: demo
      services:
        db:
          image: busybox:1
        web:
          image: busybox:1
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
    assertThat(cli.run("up", "-d")).as(cli.err()).isZero();
    cli.clear();
  }

  @Test
  void wait_printsTheExitAndReturnsTheServicesCode() {
    runtime.exit("demo-web-1", 3);

    assertThat(cli.run("wait", "web")).as(cli.err()).isEqualTo(3);
    assertThat(cli.out())
        .isEqualTo("container \"" + id("demo-web-1") + "\" exited with status code 3\n");
  }

  @Test
  void waitDownProject_takesTheProjectDownAfterTheFirstExit() {
    runtime.exit("demo-db-1", 0);

    assertThat(cli.run("wait", "--down-project", "db")).as(cli.err()).isZero();
    assertThat(runtime.listContainers(Labels.projectContainers("demo"))).isEmpty();
  }

  @Test
  void wait_unknownServiceIsAUserError() {
    assertThat(cli.run("wait", "cache")).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("jcompose: no such service: cache\n");
  }

  @Test
  void toolsTheRuntimeLacks_sayWhereTheyAreNotSupported() {
    assertThat(cli.run("top")).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("jcompose: this command is not supported on in-memory\n");
  }

  @Test
  void cp_withoutAServicePathIsAUsageError() {
    assertThat(cli.run("cp", "a.txt", "b.txt")).isEqualTo(2);
    assertThat(cli.err()).contains("SERVICE:PATH");
  }

  @Test
  void port_ofAnUnpublishedPortNamesTheContainer() {
    assertThat(cli.run("port", "web", "80")).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("jcompose: no port 80/tcp for container demo-web-1\n");
  }

  private String id(String name) {
    for (ContainerSummary container : runtime.listContainers(Labels.projectContainers("demo"))) {
      if (container.name().equals(name)) {
        return container.id();
      }
    }
    throw new AssertionError("no container " + name);
  }
}
