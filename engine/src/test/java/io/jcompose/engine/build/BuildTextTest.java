package io.jcompose.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.build.dockerfile.Instruction;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.RunConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The texts the builder quotes and reads back: source lines, registry keys, ONBUILD triggers. */
class BuildTextTest {

  @Test
  void sourceLines_joinContinuationsAsDockerdQuotesThem() {
    var lines = new SourceLines("FROM x\nRUN echo a \\\n    && echo b\n# c\nCMD [\"sh\"]\n", '\\');

    assertThat(lines.at(1)).isEqualTo("FROM x");
    assertThat(lines.at(2)).isEqualTo("RUN echo a     && echo b");
    assertThat(lines.at(5)).isEqualTo("CMD [\"sh\"]");
  }

  @Test
  void sourceLines_followTheEscapeDirective() {
    var lines = new SourceLines("# escape=`\nFROM x\nRUN dir `\n  C:\\\n", '`');

    assertThat(lines.at(3)).isEqualTo("RUN dir   C:\\");
  }

  @Test
  void runHistory_namesTheBuildArgumentsARunSaw_asDockerdDoes() {
    var command = List.of("/bin/sh", "-c", "make");

    assertThat(StepExecutor.runHistory(command, Map.of("PATH", "/bin"), Map.of("PATH", "/bin")))
        .isEqualTo("/bin/sh -c make");
    assertThat(
            StepExecutor.runHistory(
                command,
                Map.of("PATH", "/bin", "VERSION", "1.0", "MODE", "fast"),
                Map.of("PATH", "/bin")))
        .isEqualTo("|2 MODE=fast VERSION=1.0 /bin/sh -c make");
  }

  @Test
  void registryOf_readsTheKeysDockerWritesInItsConfig() {
    assertThat(BaseImages.registryOf("https://index.docker.io/v1/")).isEqualTo("docker.io");
    assertThat(BaseImages.registryOf("localhost:5000")).isEqualTo("localhost:5000");
    assertThat(BaseImages.registryOf("http://127.0.0.1:5000/v2/")).isEqualTo("127.0.0.1:5000");
  }

  @Test
  void onBuildTriggers_parseBackIntoInstructions_andRefuseNestedOnes() {
    assertThat(OnBuildTriggers.parse("RUN echo hi")).isInstanceOf(Instruction.Run.class);
    assertThat(OnBuildTriggers.parse("COPY a /b")).isInstanceOf(Instruction.Copy.class);
    assertThatThrownBy(() -> OnBuildTriggers.parse("ONBUILD RUN x"))
        .isInstanceOf(EngineFault.InvalidArgument.class);
  }

  @Test
  void commitChanges_applyDockerfileInstructions_andRefuseFilesystemOnes() {
    var changed =
        CommitRouter.withChanges(
            RunConfig.EMPTY, List.of("ENV A=1", "CMD [\"run\"]", "ENTRYPOINT [\"/entry\"]"));

    assertThat(changed.env()).containsExactly("A=1");
    assertThat(changed.cmd()).containsExactly("run");
    assertThat(changed.entrypoint()).containsExactly("/entry");
    assertThatThrownBy(() -> CommitRouter.withChanges(RunConfig.EMPTY, List.of("RUN rm -rf /")))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("RUN is not a valid change command");
  }
}
