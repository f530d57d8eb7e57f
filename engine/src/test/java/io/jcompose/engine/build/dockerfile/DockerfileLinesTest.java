package io.jcompose.engine.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileLinesTest {

  private static Instruction only(String text) {
    List<Instruction> instructions = Dockerfile.parse(text).stages().get(0).instructions();
    assertThat(instructions).hasSize(1);
    return instructions.get(0);
  }

  @Test
  void parse_readsDirectivesAtTheTopOnly() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            "# syntax=docker/dockerfile:1\n# escape=`\n# a comment\n# check=skip=all\nFROM scratch\n");

    assertThat(dockerfile.directives().values())
        .isEqualTo(Map.of("syntax", "docker/dockerfile:1", "escape", "`"));
    assertThat(dockerfile.directives().escape()).isEqualTo('`');
  }

  @Test
  void parse_joinsContinuationsSkippingCommentAndEmptyLinesInside() {
    Instruction run =
        only(
            "FROM scratch\n"
                + "RUN apt-get update && \\\n"
                + "# a comment inside\n"
                + "\n"
                + "    apt-get install -y curl \\  \n"
                + "  && rm -rf /var/lib/apt/lists\n");

    assertThat(run)
        .isEqualTo(
            new Instruction.Run(
                2,
                List.of(),
                new Command.Shell(
                    "apt-get update &&     apt-get install -y curl   && rm -rf /var/lib/apt/lists")));
  }

  @Test
  void parse_usesTheBacktickAsEscapeWhenTheDirectiveSaysSo() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            "# escape=`\nFROM mcr.microsoft.com/windows\nCOPY testfile.txt c:\\ `\n  c:\\dest\\\n");

    Instruction.Copy copy = (Instruction.Copy) dockerfile.stages().get(0).instructions().get(0);
    assertThat(copy.sources()).containsExactly("testfile.txt", "c:\\");
    assertThat(copy.destination()).isEqualTo("c:\\dest\\");
  }

  @Test
  void parse_readsCrLfLinesAndCaseInsensitiveInstructionsAndCountsLines() {
    Dockerfile dockerfile =
        Dockerfile.parse("\uFEFF# first\r\n\r\nfrom busybox\r\n  workdir /app\r\nRun ls\r\n");

    List<Instruction> instructions = dockerfile.stages().get(0).instructions();
    assertThat(dockerfile.stages().get(0).from().line()).isEqualTo(3);
    assertThat(instructions)
        .containsExactly(
            new Instruction.Workdir(4, "/app"),
            new Instruction.Run(5, List.of(), new Command.Shell("ls")));
  }

  @Test
  void parse_refusesABadEscapeDirectiveAndARepeatedOne() {
    assertThatThrownBy(() -> Dockerfile.parse("# escape=x\nFROM scratch\n"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("Dockerfile:1:")
        .hasMessageContaining("invalid escape token 'x'");
    assertThatThrownBy(() -> Dockerfile.parse("# escape=`\n# escape=\\\nFROM scratch\n"))
        .hasMessageStartingWith("Dockerfile:2: only one escape parser directive");
  }

  @Test
  void parse_treatsADirectiveAfterAnInstructionAsAComment() {
    Dockerfile dockerfile = Dockerfile.parse("FROM scratch\n# escape=`\nCOPY a \\\n b\n");

    assertThat(dockerfile.directives().values()).isEmpty();
    Instruction.Copy copy = (Instruction.Copy) dockerfile.stages().get(0).instructions().get(0);
    assertThat(copy.sources()).containsExactly("a");
    assertThat(copy.destination()).isEqualTo("b");
  }

  @Test
  void parse_endsAContinuationAtTheEndOfTheFile() {
    assertThat(only("FROM scratch\nCMD echo hi \\\n"))
        .isEqualTo(new Instruction.Cmd(2, new Command.Shell("echo hi")));
  }
}
