package io.jcompose.engine.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeTest {

  private static final Platforms AMD64 = Platforms.of("linux/amd64");

  /** The scope at the end of the first stage. */
  private static Scope stageEnd(String text, Map<String, String> buildArgs) {
    Dockerfile dockerfile = Dockerfile.parse(text);
    Scope scope = Scope.global(dockerfile, buildArgs, AMD64).stage(Map.of());
    for (Instruction instruction : dockerfile.stages().get(0).instructions()) {
      scope = scope.with(instruction);
    }
    return scope;
  }

  private static String expand(String word) {
    return stageEnd("FROM scratch\nENV SET=value EMPTY=\n", Map.of()).expand(1, word);
  }

  @Test
  void expand_replacesPlainAndBracedVariables() {
    assertThat(expand("$SET/${SET}x/$UNSET/${UNSET}.")).isEqualTo("value/valuex//.");
    assertThat(expand("cost: $ 5, $")).isEqualTo("cost: $ 5, $");
  }

  @Test
  void expand_appliesDefaultAndAlternateModifiers() {
    assertThat(expand("${UNSET:-d} ${EMPTY:-d} ${SET:-d}")).isEqualTo("d d value");
    assertThat(expand("${UNSET-d} ${EMPTY-d} ${SET-d}")).isEqualTo("d  value");
    assertThat(expand("${UNSET:+a} ${EMPTY:+a} ${SET:+a}")).isEqualTo("  a");
    assertThat(expand("${UNSET+a} ${EMPTY+a} ${SET+a}")).isEqualTo(" a a");
    assertThat(expand("${UNSET:-${SET}-nested}")).isEqualTo("value-nested");
  }

  @Test
  void expand_refusesAnUnsetRequiredVariableWithItsMessage() {
    assertThatThrownBy(() -> stageEnd("FROM scratch\n", Map.of()).expand(7, "${TOKEN:?set TOKEN}"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("Dockerfile:7: TOKEN: set TOKEN");
    assertThat(expand("${SET?x}")).isEqualTo("value");
    assertThatThrownBy(() -> expand("${SET/a/b}")).hasMessageContaining("unsupported modifier (/)");
    assertThatThrownBy(() -> expand("${SET")).hasMessageContaining("missing '}'");
  }

  @Test
  void expand_honoursEscapesAndQuotes() {
    assertThat(expand("\\$SET \\${SET}")).isEqualTo("$SET ${SET}");
    assertThat(expand("'$SET' \"$SET\" \"a \\\"q\\\" \\$SET \\n\""))
        .isEqualTo("$SET value a \"q\" $SET \\n");
    assertThatThrownBy(() -> expand("'open")).hasMessageContaining("matching '");
  }

  @Test
  void expand_usesTheBacktickEscapeWhenTheDockerfileDeclaresIt() {
    Scope scope = stageEnd("# escape=`\nFROM scratch\nENV DIR=c:\\app\n", Map.of());

    assertThat(scope.expand(3, "`$DIR\\bin $DIR")).isEqualTo("$DIR\\bin c:\\app");
  }

  @Test
  void globalScope_feedsFromButNotTheStageUntilRedeclared() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            "ARG VERSION=1.2\nARG BASE=alpine:$VERSION\nFROM $BASE\nRUN x\nARG VERSION\nARG BASE\n");
    Scope global = Scope.global(dockerfile, Map.of(), AMD64);

    Instruction.From from = (Instruction.From) global.expand(dockerfile.stages().get(0).from());
    assertThat(from.image()).isEqualTo("alpine:1.2");
    Scope stage = global.stage(Map.of());
    assertThat(stage.lookup("VERSION")).isEmpty();
    List<Instruction> body = dockerfile.stages().get(0).instructions();
    Scope redeclared = stage.with(body.get(0)).with(body.get(1)).with(body.get(2));
    assertThat(redeclared.lookup("VERSION")).contains("1.2");
    assertThat(redeclared.lookup("BASE")).contains("alpine:1.2");
  }

  @Test
  void buildArgs_overrideDefaultsButOnlyDeclaredArgsAreVisible() {
    Scope scope =
        stageEnd(
            "FROM scratch\nARG MODE=debug\nARG NOVALUE\n", Map.of("MODE", "release", "OTHER", "x"));

    assertThat(scope.lookup("MODE")).contains("release");
    assertThat(scope.lookup("OTHER")).isEmpty();
    assertThat(scope.lookup("NOVALUE")).isEmpty();
    assertThat(scope.expand(1, "${NOVALUE-unset}")).isEqualTo("unset");
  }

  @Test
  void env_overridesArgAndSeesOnlyEarlierValuesWithinOneInstruction() {
    Scope scope =
        stageEnd(
            "FROM scratch\nARG NAME=arg\nENV NAME=env\nENV A=hello\nENV A=bye B=$A\n",
            Map.of("NAME", "build"));

    assertThat(scope.lookup("NAME")).contains("env");
    assertThat(scope.lookup("B")).contains("hello");
    assertThat(scope.env()).containsEntry("A", "bye");
  }

  @Test
  void stage_startsFromTheBaseImageEnv() {
    Dockerfile dockerfile = Dockerfile.parse("FROM scratch\nWORKDIR $HOME/app\n");
    Scope scope = Scope.global(dockerfile, Map.of(), AMD64).stage(Map.of("HOME", "/root"));

    assertThat(scope.expand(dockerfile.stages().get(0).instructions().get(0)))
        .isEqualTo(new Instruction.Workdir(2, "/root/app"));
  }

  @Test
  void platformArgs_areGlobalAndNeedAnArgInsideAStage() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            "FROM --platform=$BUILDPLATFORM busybox\nARG TARGETARCH\nARG TARGETVARIANT\n");
    Scope global =
        Scope.global(dockerfile, Map.of(), new Platforms("linux/amd64", "linux/arm64/v8"));

    assertThat(((Instruction.From) global.expand(dockerfile.stages().get(0).from())).platform())
        .isEqualTo("linux/amd64");
    Scope stage = global.stage(Map.of());
    assertThat(stage.lookup("TARGETARCH")).isEmpty();
    for (Instruction instruction : dockerfile.stages().get(0).instructions()) {
      stage = stage.with(instruction);
    }
    assertThat(stage.lookup("TARGETARCH")).contains("arm64");
    assertThat(stage.lookup("TARGETVARIANT")).contains("v8");
    assertThat(stage.lookup("TARGETOS")).isEmpty();
  }

  @Test
  void runEnvironment_holdsEnvArgsAndProxyBuildArgs() {
    Scope scope =
        stageEnd(
            "FROM scratch\nARG A=1\nARG UNSET\nENV B=2\n",
            Map.of("HTTP_PROXY", "http://proxy:3128", "UNDECLARED", "x"));

    assertThat(scope.runEnvironment())
        .isEqualTo(Map.of("HTTP_PROXY", "http://proxy:3128", "A", "1", "B", "2"));
    assertThat(scope.lookup("HTTP_PROXY")).isEmpty();
  }

  @Test
  void expandInstruction_substitutesOnlyWhereTheReferenceSaysSo() {
    Dockerfile dockerfile =
        Dockerfile.parse(
            "FROM scratch\n"
                + "ARG V=1 U=app\n"
                + "COPY --from=stage$V --chown=$U src-$V/ \"/opt/$V\"\n"
                + "LABEL \"version\"=\"v $V\"\n"
                + "EXPOSE ${PORT:-80}/tcp\n"
                + "VOLUME [\"/data/$V\"]\n"
                + "USER $U\n"
                + "STOPSIGNAL SIG${SIG:-TERM}\n"
                + "RUN echo $V\n"
                + "CMD [\"echo\", \"$V\"]\n"
                + "ONBUILD COPY $V /x\n");
    Scope scope = Scope.global(dockerfile, Map.of(), AMD64).stage(Map.of());
    StringBuilder seen = new StringBuilder();
    for (Instruction instruction : dockerfile.stages().get(0).instructions()) {
      scope = scope.with(instruction);
      seen.append(scope.expand(instruction)).append('\n');
    }

    assertThat(seen.toString().split("\n"))
        .containsExactly(
            new Instruction.Arg(
                    2,
                    List.of(
                        new Instruction.Arg.Declaration("V", "1"),
                        new Instruction.Arg.Declaration("U", "app")))
                .toString(),
            new Instruction.Copy(
                    3,
                    false,
                    new Instruction.CopyOptions("stage1", "app", null, false, List.of()),
                    List.of("src-1/"),
                    "/opt/1")
                .toString(),
            new Instruction.Label(4, List.of(new KeyValue("version", "v 1"))).toString(),
            new Instruction.Expose(5, List.of("80/tcp")).toString(),
            new Instruction.Volume(6, List.of("/data/1")).toString(),
            new Instruction.User(7, "app").toString(),
            new Instruction.StopSignal(8, "SIGTERM").toString(),
            new Instruction.Run(9, List.of(), new Command.Shell("echo $V")).toString(),
            new Instruction.Cmd(10, new Command.Exec(List.of("echo", "$V"))).toString(),
            dockerfile.stages().get(0).instructions().get(9).toString());
  }
}
