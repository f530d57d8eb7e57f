package io.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.Cli;
import io.jcompose.model.load.ProjectLoader;
import io.jcompose.planner.runtime.InMemoryRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pull}'s flags end to end on the in-memory runtime, as docker compose's. */
class PullCommandTest {

  private static final String STACK =
      """
      name: demo
      services:
        db:
          image: postgres:17
        web:
          image: example/web:1
          build: .
        cache:
          image: redis:7
          pull_policy: never
      """;

  @TempDir Path directory;

  private final InMemoryRuntime runtime = new InMemoryRuntime();
  private Cli cli;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(directory.resolve("compose.yaml"), STACK);
    runtime.makePullable("redis:7");
    cli = Cli.in(directory, ProjectLoader::load).on(runtime);
  }

  @Test
  void pull_failsForAnImageThatCannotBePulledNorBuilt_andWarnsForOneThatCanBeBuilt() {
    assertThat(cli.run("--progress", "plain", "pull")).isEqualTo(1);
    assertThat(cli.err()).contains("image postgres:17: pull failed");

    runtime.makePullable("postgres:17");
    cli.clear();
    assertThat(cli.run("--progress", "plain", "pull")).as(cli.err()).isZero();
    assertThat(cli.err())
        .contains("pulling web (example/web:1)")
        .contains("service cache skipped: its pull_policy is never");
    assertThat(runtime.inspectImage("postgres:17")).isPresent();
    assertThat(runtime.inspectImage("redis:7")).isEmpty();
  }

  @Test
  void pull_withIgnoreFlagsAndPolicy() {
    assertThat(
            cli.run("--progress", "plain", "pull", "--ignore-pull-failures", "--ignore-buildable"))
        .as(cli.err())
        .isZero();
    assertThat(cli.err())
        .contains("pulling db (postgres:17)")
        .contains("service web skipped: its image can be built");
    cli.clear();

    assertThat(cli.run("--progress", "plain", "pull", "--policy", "always", "cache"))
        .as(cli.err())
        .isZero();
    assertThat(runtime.inspectImage("redis:7")).isPresent();
  }
}
