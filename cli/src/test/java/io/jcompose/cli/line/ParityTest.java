package io.jcompose.cli.line;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.JcomposeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast parser and picocli, built from the same grammar, read the same lines alike. */
class ParityTest {

  static List<List<String>> lines() {
    return List.of(
        List.of("version"),
        List.of("version", "--short"),
        List.of("version", "-f", "json"),
        List.of("version", "-fjson"),
        List.of("version", "--format=JSON"),
        List.of("config"),
        List.of("-f", "compose.yaml", "config"),
        List.of("-f", "a.yaml", "--file", "b.yaml", "--file=c.yaml", "-fd.yaml", "config"),
        List.of("-f", "-", "config", "--services"),
        List.of("--project-name=demo", "config"),
        List.of("-pdemo", "config", "--images"),
        List.of("--profile", "a", "--profile", "b", "--env-file", "x.env", "config", "web"),
        List.of("--project-directory", "sub/..", "config", "-q"),
        List.of("--parallel", "4", "--progress", "plain", "--ansi", "never", "version"),
        List.of("--progress=TTY", "--engine", "Bundled", "--dry-run", "version"),
        List.of("-H", "unix:///tmp/x.sock", "--context", "remote", "version"),
        List.of("-Htcp://h:2375", "version"),
        List.of("--debug", "config"),
        List.of("config", "--debug"),
        List.of("--debug", "config", "--debug"),
        List.of("config", "--format", "json", "--hash", "*"),
        List.of("config", "--hash=web,db", "--no-interpolate", "--no-normalize"),
        List.of("config", "--no-path-resolution", "--no-consistency", "-o", "out.yaml"),
        List.of("config", "-qo", "out.yaml"),
        List.of("config", "-qoout.yaml"),
        List.of("config", "--output=out.yaml", "web", "db"),
        List.of("config", "web", "--services", "db"),
        List.of("config", "--", "-q", "--services"),
        List.of("config", "-"),
        List.of("config", "--volumes", "--networks", "--profiles"),
        List.of("config", "--hash=", ""),
        List.of("--project-name=a=b", "-Hx=y", "-f-", "config"),
        List.of("--parallel", "+3", "version"),
        List.of("config", "version"),
        List.of("config", "-o", "version"),
        List.of("config", "-o", "-"),
        List.of("config", "-oq"),
        List.of("config", "--", "--"),
        List.of("exec", "-T", "app", "sh", "-c", "echo $HOME"),
        List.of("exec", "--index=2", "-e", "A=1", "-eB", "app", "ls", "-la", "--", "-T"),
        List.of("exec", "-Tu", "root", "app", "id", "-u"),
        List.of("run", "--rm", "-T", "app"),
        List.of("run", "--rm", "-v", "./x:/x", "-p", "80", "app", "env", "-e", "--rm"),
        List.of("attach", "--detach-keys", "ctrl-a,x", "--sig-proxy=false", "app"));
  }

  @ParameterizedTest
  @MethodSource("lines")
  void parity_fastParserAndPicocliAgree(List<String> line) {
    String[] args = line.toArray(new String[0]);
    var err = new StringWriter();

    ParsedLine fast = LineParser.parse(JcomposeCommand.GRAMMAR, args);
    PicocliLine.Outcome slow =
        PicocliLine.parse(
            JcomposeCommand.GRAMMAR,
            args,
            "v",
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));

    assertThat(err.toString()).isEmpty();
    assertThat(fast).isNotNull();
    assertThat(slow.line()).contains(fast);
  }

  static List<List<String>> fallbackLines() {
    return List.of(
        List.of("--parallel", "-1", "version"),
        List.of("-f", "-x", "config"),
        List.of("-p", "a", "config", "--debug", "--", "web"),
        List.of("config", "--debug", "-q"));
  }

  @ParameterizedTest
  @MethodSource("fallbackLines")
  void parity_picocliAcceptsWhatTheFastParserMightLeaveToIt(List<String> line) {
    String[] args = line.toArray(new String[0]);
    ParsedLine fast = LineParser.parse(JcomposeCommand.GRAMMAR, args);
    PicocliLine.Outcome slow =
        PicocliLine.parse(
            JcomposeCommand.GRAMMAR,
            args,
            "v",
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));

    assertThat(slow.line()).isPresent();
    if (fast != null) {
      assertThat(slow.line()).contains(fast);
    }
  }
}
