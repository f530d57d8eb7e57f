package io.jcompose.engine.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeredocTest {

  @Test
  void run_takesTheHereDocumentsLinesAsTheyAreIncludingCommentsAndBlanks() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            "FROM busybox\n"
                + "RUN <<EOF\n"
                + "#!/bin/sh\n"
                + "\n"
                + "  echo \"$HOME\" \\\n"
                + "EOF\n"
                + "WORKDIR /app\n");

    List<Instruction> instructions = dockerfile.stages().get(0).instructions();
    assertThat(instructions)
        .containsExactly(
            new Instruction.Run(
                2,
                List.of(),
                new Command.Shell("<<EOF"),
                List.of(new Heredoc("EOF", "#!/bin/sh\n\n  echo \"$HOME\" \\\n", true))),
            new Instruction.Workdir(7, "/app"));
  }

  @Test
  void run_readsSeveralHereDocumentsInOrderAndStripsTabsForTheDashForm() {
    Instruction.Run run =
        (Instruction.Run)
            Dockerfile.parse(
                    "FROM busybox\n"
                        + "RUN --network=none <<-'ONE' sh && cat <<TWO > /two\n"
                        + "\t\techo $one\n"
                        + "\tONE\n"
                        + "two\n"
                        + "TWO\n")
                .stages()
                .get(0)
                .instructions()
                .get(0);

    assertThat(run.command()).isEqualTo(new Command.Shell("<<-'ONE' sh && cat <<TWO > /two"));
    assertThat(run.heredocs())
        .containsExactly(
            new Heredoc("ONE", "echo $one\n", false), new Heredoc("TWO", "two\n", true));
  }

  @Test
  void copy_namesItsInlineFilesThroughTheirSources() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            "FROM busybox\nARG PORT=80\nCOPY --chmod=0644 <<\"CONF\" <<-EOF /etc/app/\nlisten $PORT\nCONF\nx\nEOF\n");
    Scope scope = Scope.global(dockerfile, Map.of(), Platforms.of("linux/amd64")).stage(Map.of());
    List<Instruction> instructions = dockerfile.stages().get(0).instructions();
    scope = scope.with(instructions.get(0));

    Instruction.Copy copy = (Instruction.Copy) scope.expand(instructions.get(1));
    assertThat(copy.sources()).containsExactly("<<CONF", "<<-EOF");
    assertThat(copy.heredoc(copy.sources().get(0)))
        .contains(new Heredoc("CONF", "listen $PORT\n", false));
    assertThat(copy.heredoc("<<-EOF")).contains(new Heredoc("EOF", "x\n", true));
    assertThat(copy.heredoc("/etc/hosts")).isEmpty();
  }

  @Test
  void otherInstructions_haveNoHereDocuments() {
    Dockerfile dockerfile = Dockerfile.parse("FROM busybox\nLABEL a=<<EOF\nEXPOSE 80\n");

    assertThatThrownBy(() -> Dockerfile.parse("FROM busybox\nCMD <<EOF\nEOF\n"))
        .hasMessageStartingWith("Dockerfile:3: unknown instruction: EOF");
    assertThat(dockerfile.stages().get(0).instructions()).hasSize(2);
  }

  @Test
  void copy_refusesHereDocumentNamesThatAreNoFileNames() {
    for (String name : new String[] {"../../../../etc/cron.d/x", "a/b", "..", "."}) {
      assertThatThrownBy(
              () ->
                  Dockerfile.parse("FROM busybox\n\nCOPY <<\"" + name + "\" /\nx\n" + name + "\n"))
          .as(name)
          .isInstanceOf(EngineFault.InvalidArgument.class)
          .hasMessageStartingWith("Dockerfile:3: invalid heredoc name \"" + name + "\"");
    }
    Instruction.Run run =
        (Instruction.Run)
            Dockerfile.parse("FROM busybox\nRUN <<\"a/b\" sh\necho\na/b\n")
                .stages()
                .get(0)
                .instructions()
                .get(0);
    assertThat(run.heredocs())
        .as("RUN only ends at it")
        .containsExactly(new Heredoc("a/b", "echo\n", false));
  }

  @Test
  void parse_refusesAnUnterminatedHereDocumentNamingItsLine() {
    assertThatThrownBy(() -> Dockerfile.parse("FROM busybox\n\nRUN <<EOF\necho hi\n"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageStartingWith("Dockerfile:3: unterminated heredoc EOF");
  }
}
