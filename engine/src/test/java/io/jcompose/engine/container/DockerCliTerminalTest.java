package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.engine.api.DockerCli;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real docker CLI drives interactive sessions on a terminal: {@code exec -it}, {@code run -it}.
 */
class DockerCliTerminalTest extends EngineTestBase {

  private static final List<String> TYPED =
      List.of("echo $((6*7))", "busybox tty", "busybox stty size", "exit 3");

  // the line ends are the terminal's: \r\n, or \r\r\n while the CLI's terminal is not raw yet

  @Test
  void execIt_runsAShellOnATerminal_andPassesItsExitCodeThrough() throws Exception {
    assertThat(
            engine
                .docker("run", "-d", "--name", "shell-host", "busybox", "sh", "-c", "sleep 1000")
                .exitCode())
        .isZero();

    DockerCli.Run session = TerminalSession.run(engine, TYPED, "exec", "-it", "shell-host", "sh");

    assertThat(session.exitCode()).as(session.stdout()).isEqualTo(3);
    assertThat(session.stdout())
        .containsPattern("(?m)^42\\r*$")
        .contains("/dev/pts/")
        .contains(TerminalSession.ROWS + " " + TerminalSession.COLUMNS);
    assertThat(engine.docker("rm", "-f", "shell-host").exitCode()).isZero();
  }

  @Test
  void execI_withoutATerminal_relaysStdinAndOutput() throws Exception {
    assertThat(
            engine
                .docker("run", "-d", "--name", "pipe-host", "busybox", "sh", "-c", "sleep 1000")
                .exitCode())
        .isZero();

    DockerCli.Run session =
        TerminalSession.run(
            engine, List.of("echo piped $((6*7))", "exit 5"), "exec", "-i", "pipe-host", "sh");

    assertThat(session.exitCode()).as(session.stdout()).isEqualTo(5);
    assertThat(session.stdout()).contains("piped 42");
    assertThat(engine.docker("rm", "-f", "pipe-host").exitCode()).isZero();
  }

  @Test
  void runItRm_attachesTheTerminal_andRemovesTheContainerAfterwards() throws Exception {
    DockerCli.Run session =
        TerminalSession.run(
            engine, TYPED, "run", "-it", "--rm", "--name", "interactive", "busybox", "sh");

    assertThat(session.exitCode()).as(session.stdout()).isEqualTo(3);
    assertThat(session.stdout())
        .containsPattern("(?m)^42\\r*$")
        .contains("/dev/pts/")
        .contains(TerminalSession.ROWS + " " + TerminalSession.COLUMNS);
    assertThat(engine.docker("ps", "-aq", "--filter", "name=interactive").stdout()).isEmpty();
  }

  @Test
  void runIt_detachKeys_leaveTheContainerRunningWithItsShell() throws Exception {
    DockerCli.Run session =
        TerminalSession.run(
            engine,
            List.of("echo $((6*7))", "\u0010\u0011"),
            "run",
            "-it",
            "--name",
            "detached-shell",
            "busybox",
            "sh");

    assertThat(session.exitCode()).as(session.stdout()).isZero();
    assertThat(session.stdout()).containsPattern("(?m)^42\\r*$");
    assertThat(engine.docker("inspect", "--format", "{{.State.Status}}", "detached-shell").stdout())
        .isEqualTo("running\n");
    DockerCli.Run again =
        TerminalSession.run(engine, List.of("echo again", "exit 6"), "attach", "detached-shell");
    assertThat(again.exitCode()).as(again.stdout()).isEqualTo(6);
    assertThat(again.stdout()).contains("again");
    assertThat(engine.docker("rm", "detached-shell").exitCode()).isZero();
  }
}
