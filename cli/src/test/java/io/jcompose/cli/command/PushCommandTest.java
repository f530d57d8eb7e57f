package io.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.Cli;
import io.jcompose.model.load.ProjectLoader;
import io.jcompose.planner.runtime.InMemoryRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code push} end to end on the in-memory runtime: what it sends, skips and prints. */
class PushCommandTest {

  private static final String STACK =
      """
      name: demo
      services:
        db:
          image: busybox:1
        web:
          image: registry.example:5000/web:1
          build:
            context: .
            tags: ["registry.example:5000/web:stable"]
          depends_on: [db]
        api:
          image: registry.example:5000/api:1
          build: .
      """;

  @TempDir Path directory;

  private final InMemoryRuntime runtime = new InMemoryRuntime();
  private Cli cli;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(directory.resolve("compose.yaml"), STACK);
    runtime.addImage("registry.example:5000/web:1", Map.of());
    runtime.addImage("registry.example:5000/web:stable", Map.of());
    cli = Cli.in(directory, ProjectLoader::load).on(runtime);
  }

  @Test
  void push_sendsTheImageAndBuildTagsOfTheNamedService_andSkipsServicesThatDoNotBuild() {
    assertThat(cli.run("--progress", "plain", "push", "--include-deps", "web"))
        .as(cli.err())
        .isZero();

    assertThat(runtime.pushed())
        .containsExactlyInAnyOrder(
            "registry.example:5000/web:1", "registry.example:5000/web:stable");
    assertThat(cli.err())
        .contains("service db skipped")
        .contains("Image registry.example:5000/web:1  Pushed");
  }

  @Test
  void push_failsOnAnImageThatIsNotBuilt_unlessFailuresAreIgnored() {
    assertThat(cli.run("--progress", "plain", "push")).isEqualTo(1);
    assertThat(cli.err()).contains("registry.example:5000/api:1").contains("does not exist");
    cli.clear();

    assertThat(cli.run("--progress", "plain", "push", "--ignore-push-failures"))
        .as(cli.err())
        .isZero();
    assertThat(cli.err()).contains("pushing api (registry.example:5000/api:1)");
    assertThat(runtime.pushed()).contains("registry.example:5000/web:1");
  }

  @Test
  void dryRunPush_printsThePushesAndSendsNothing() {
    assertThat(cli.run("--dry-run", "push", "-q")).as(cli.err()).isZero();

    assertThat(cli.out())
        .contains("image registry.example:5000/web:1: push")
        .contains("image registry.example:5000/api:1: push");
    assertThat(runtime.pushed()).isEmpty();
  }

  @Test
  void quietPush_printsNoProgress() {
    assertThat(cli.run("--progress", "plain", "push", "-q", "web")).as(cli.err()).isZero();

    assertThat(cli.err()).doesNotContain("Pushing").doesNotContain("Pushed");
    assertThat(runtime.pushed()).contains("registry.example:5000/web:stable");
  }
}
