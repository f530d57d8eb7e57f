package io.jcompose.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.build.dockerfile.Dockerfile;
import io.jcompose.engine.build.dockerfile.Instruction;
import io.jcompose.engine.build.dockerfile.Platforms;
import io.jcompose.engine.build.dockerfile.Scope;
import io.jcompose.engine.image.RunConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How each config-only instruction changes an image's container defaults. */
class ConfigChangesTest {

  private static final List<String> SHELL = List.of("/bin/sh", "-c");

  @Test
  void apply_setsEachDefaultAsDockerfileInstructionsSay() {
    RunConfig config =
        applyAll(
            RunConfig.EMPTY,
            "FROM base\n"
                + "ENV A=1 B=\"two words\"\n"
                + "LABEL com.example.role=web version=1\n"
                + "EXPOSE 80 53/udp 8000-8001\n"
                + "USER 1000:1000\n"
                + "VOLUME /data [\"/cache\"]\n"
                + "VOLUME [\"/logs\"]\n"
                + "WORKDIR /app\n"
                + "WORKDIR sub\n"
                + "STOPSIGNAL SIGINT\n"
                + "CMD echo $A\n"
                + "ONBUILD RUN echo triggered\n"
                + "HEALTHCHECK --interval=5s --retries=2 CMD [\"true\"]\n");

    assertThat(config.env()).containsExactly("A=1", "B=two words");
    assertThat(config.labels())
        .containsEntry("com.example.role", "web")
        .containsEntry("version", "1");
    assertThat(config.exposedPorts()).containsExactly("53/udp", "80/tcp", "8000/tcp", "8001/tcp");
    assertThat(config.user()).isEqualTo("1000:1000");
    assertThat(config.volumes()).contains("/logs");
    assertThat(config.workingDir()).isEqualTo("/app/sub");
    assertThat(config.stopSignal()).isEqualTo("SIGINT");
    assertThat(config.cmd()).containsExactly("/bin/sh", "-c", "echo $A");
    assertThat(config.onBuild()).containsExactly("RUN echo triggered");
    assertThat(config.healthcheck()).isPresent();
    assertThat(config.healthcheck().get().test()).containsExactly("CMD", "true");
    assertThat(config.healthcheck().get().interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.healthcheck().get().retries()).isEqualTo(2);
  }

  @Test
  void entrypoint_resetsAnInheritedCmd_butKeepsOneSetInTheStage() {
    RunConfig base = withCmd(List.of("sh"));

    RunConfig inherited = applyAll(base, "FROM base\nENTRYPOINT [\"/app\"]\n");
    RunConfig setHere = applyAll(base, "FROM base\nCMD [\"--flag\"]\nENTRYPOINT [\"/app\"]\n");

    assertThat(inherited.entrypoint()).containsExactly("/app");
    assertThat(inherited.cmd()).isEmpty();
    assertThat(setHere.cmd()).containsExactly("--flag");
  }

  @Test
  void healthcheckNone_disablesTheBaseImagesCheck() {
    RunConfig config =
        applyAll(RunConfig.EMPTY, "FROM base\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n");

    assertThat(config.healthcheck().get().test()).containsExactly("NONE");
  }

  @Test
  void shellForm_usesTheStagesShell() {
    var shell = List.of("/bin/bash", "-eo", "pipefail", "-c");
    Instruction cmd =
        Dockerfile.parse("FROM base\nCMD run me\n").stages().get(0).instructions().get(0);

    RunConfig config = ConfigChanges.apply(RunConfig.EMPTY, cmd, scope(), shell, false);

    assertThat(config.cmd()).containsExactly("/bin/bash", "-eo", "pipefail", "-c", "run me");
  }

  @Test
  void workingDirectory_resolvesRelativeToTheCurrentOne() {
    assertThat(ConfigChanges.workingDirectory("", "app")).isEqualTo("/app");
    assertThat(ConfigChanges.workingDirectory("/app", "../srv/./x")).isEqualTo("/srv/x");
    assertThat(ConfigChanges.workingDirectory("/app", "/abs")).isEqualTo("/abs");
  }

  private static RunConfig applyAll(RunConfig start, String dockerfileText) {
    Dockerfile dockerfile = Dockerfile.parse(dockerfileText);
    Scope scope = scope().stage(StageState.environment(start.env()));
    RunConfig config = start;
    boolean cmdSet = false;
    for (Instruction instruction : dockerfile.stages().get(0).instructions()) {
      Instruction expanded = scope.expand(instruction);
      scope = scope.with(instruction);
      config = ConfigChanges.apply(config, expanded, scope, SHELL, cmdSet);
      cmdSet |= instruction instanceof Instruction.Cmd;
    }
    return config;
  }

  private static Scope scope() {
    return Scope.global(Dockerfile.parse("FROM base\n"), Map.of(), Platforms.of("linux/amd64"));
  }

  private static RunConfig withCmd(List<String> cmd) {
    return new RunConfig(
        cmd,
        List.of(),
        List.of(),
        "",
        "",
        List.of(),
        List.of(),
        Map.of(),
        "",
        java.util.Optional.empty());
  }
}
