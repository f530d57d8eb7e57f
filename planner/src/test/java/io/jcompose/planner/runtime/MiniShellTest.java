package io.jcompose.planner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.planner.spi.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MiniShellTest {

  private static MiniShell.Run script(String script) {
    return MiniShell.run(List.of("sh", "-c", script), Map.of(), true);
  }

  private static List<String> stdout(MiniShell.Run run) {
    return lines(run, LogLine.Stream.STDOUT);
  }

  private static List<String> stderr(MiniShell.Run run) {
    return lines(run, LogLine.Stream.STDERR);
  }

  private static List<String> lines(MiniShell.Run run, LogLine.Stream stream) {
    var lines = new ArrayList<String>();
    for (MiniShell.Output output : run.output()) {
      if (output.stream() == stream) {
        lines.add(output.text());
      }
    }
    return lines;
  }

  @Test
  void run_echoWritesItsWordsToStdoutAndExitsWithZero() {
    MiniShell.Run run = script("echo hello   world");

    assertThat(stdout(run)).containsExactly("hello world");
    assertThat(run.exitCode()).isEqualTo(OptionalInt.of(0));
  }

  @Test
  void run_redirectionToStderrWritesTheLineOnStderr() {
    MiniShell.Run run = script("echo out; echo err >&2; echo also 1>&2");

    assertThat(stdout(run)).containsExactly("out");
    assertThat(stderr(run)).containsExactly("err", "also");
  }

  @Test
  void run_outputToDevNullIsDropped() {
    MiniShell.Run run =
        script("echo hidden >/dev/null; echo shown 2>/dev/null; echo moved >&2 2>&1");

    assertThat(stdout(run)).containsExactly("shown");
    assertThat(stderr(run)).containsExactly("moved");
  }

  @Test
  void run_exitEndsTheScriptWithItsCode() {
    MiniShell.Run run = script("echo before; exit 3; echo after");

    assertThat(stdout(run)).containsExactly("before");
    assertThat(run.exitCode()).isEqualTo(OptionalInt.of(3));
  }

  @Test
  void run_theLastCommandsStatusIsTheExitCode() {
    assertThat(script("true; false").exitCode()).isEqualTo(OptionalInt.of(1));
    assertThat(script("false; true").exitCode()).isEqualTo(OptionalInt.of(0));
  }

  @Test
  void run_andRunsTheNextCommandOnlyAfterASuccess() {
    MiniShell.Run run = script("false && echo skipped; true && echo ran");

    assertThat(stdout(run)).containsExactly("ran");
  }

  @Test
  void run_orRunsTheNextCommandOnlyAfterAFailure() {
    MiniShell.Run run = script("true || echo skipped; false || echo fallback");

    assertThat(stdout(run)).containsExactly("fallback");
    assertThat(run.exitCode()).isEqualTo(OptionalInt.of(0));
  }

  @Test
  void run_sleepKeepsAMainProcessRunningAfterTheOutputBeforeIt() {
    MiniShell.Run run = script("echo ready\nsleep 5\necho never");

    assertThat(stdout(run)).containsExactly("ready");
    assertThat(run.stillRunning()).isTrue();
  }

  @Test
  void run_finiteSleepPassesAtOnceOutsideAMainProcess() {
    MiniShell.Run run = MiniShell.run(List.of("sh", "-c", "sleep 5; echo done"), Map.of(), false);

    assertThat(stdout(run)).containsExactly("done");
    assertThat(run.exitCode()).isEqualTo(OptionalInt.of(0));
  }

  @Test
  void run_sleepInfinityAndTailFollowNeverEndEvenOutsideAMainProcess() {
    assertThat(MiniShell.run(List.of("sleep", "infinity"), Map.of(), false).stillRunning())
        .isTrue();
    assertThat(MiniShell.run(List.of("tail", "-f", "/dev/null"), Map.of(), false).stillRunning())
        .isTrue();
  }

  @Test
  void run_anUnknownCommandExitsWith127AndSaysSoOnStderr() {
    MiniShell.Run run = script("nosuch --flag");

    assertThat(stderr(run)).containsExactly("sh: nosuch: not found");
    assertThat(run.exitCode()).isEqualTo(OptionalInt.of(127));
  }

  @Test
  void run_anUnknownProgramWithoutAShellIsNotFoundInThePath() {
    MiniShell.Run run = MiniShell.run(List.of("nosuch"), Map.of(), true);

    assertThat(stderr(run)).containsExactly("exec: \"nosuch\": executable file not found in $PATH");
    assertThat(run.exitCode()).isEqualTo(OptionalInt.of(127));
  }

  @Test
  void run_withoutAShellWordsAreNotExpanded() {
    MiniShell.Run run = MiniShell.run(List.of("/bin/echo", "$HOME", "a;b"), Map.of(), true);

    assertThat(stdout(run)).containsExactly("$HOME a;b");
  }

  @Test
  void run_variablesExpandFromTheEnvironmentAndAssignments() {
    MiniShell.Run run =
        MiniShell.run(
            List.of("sh", "-c", "NAME=jc; echo \"$GREETING, ${NAME}\" ${MISSING:-x} $MISSING."),
            Map.of("GREETING", "hello"),
            true);

    assertThat(stdout(run)).containsExactly("hello, jc x .");
  }

  @Test
  void run_theStatusOfThePreviousCommandIsInQuestionMark() {
    assertThat(stdout(script("false; echo $?"))).containsExactly("1");
  }

  @Test
  void run_quotesKeepSpacesAndOperators() {
    MiniShell.Run run = script("echo 'a;  b' \"c && d\" e\\ \\;f");

    assertThat(stdout(run)).containsExactly("a;  b c && d e ;f");
  }

  @Test
  void run_commentsAreIgnored() {
    assertThat(stdout(script("echo a # echo b\necho c"))).containsExactly("a", "c");
  }

  @Test
  void run_execRunsTheCommandAndEndsTheScript() {
    MiniShell.Run run = script("exec echo replaced; echo never");

    assertThat(stdout(run)).containsExactly("replaced");
  }

  @Test
  void run_printenvPrintsAVariableAndFailsForAMissingOne() {
    var environment = Map.of("MODE", "test");

    assertThat(stdout(MiniShell.run(List.of("printenv", "MODE"), environment, true)))
        .containsExactly("test");
    assertThat(MiniShell.run(List.of("printenv", "NOPE"), environment, true).exitCode())
        .isEqualTo(OptionalInt.of(1));
  }

  @Test
  void run_unsupportedSyntaxEndsTheScriptWithStatus2BeforeRunningIt() {
    MiniShell.Run run = script("echo a | cat");

    assertThat(stdout(run)).isEmpty();
    assertThat(stderr(run)).containsExactly("sh: pipes are not supported by the in-memory runtime");
    assertThat(run.exitCode()).isEqualTo(OptionalInt.of(2));
  }

  @Test
  void run_compoundCommandsAreUnsupportedSyntax() {
    MiniShell.Run run = script("if true; then echo yes; fi");

    assertThat(stderr(run)).containsExactly("sh: \"if\" is not supported by the in-memory runtime");
    assertThat(run.exitCode()).isEqualTo(OptionalInt.of(2));
  }

  @Test
  void run_catOfAFileThatIsNotThereFails() {
    MiniShell.Run run = script("cat /etc/config");

    assertThat(stderr(run))
        .containsExactly("cat: can't open '/etc/config': No such file or directory");
    assertThat(run.exitCode()).isEqualTo(OptionalInt.of(1));
  }

  @Test
  void run_aNestedShellSharesTheOutputButNotTheExit() {
    MiniShell.Run run = script("sh -c 'echo inner; exit 4'; echo outer $?");

    assertThat(stdout(run)).containsExactly("inner", "outer 4");
    assertThat(run.exitCode()).isEqualTo(OptionalInt.of(0));
  }
}
