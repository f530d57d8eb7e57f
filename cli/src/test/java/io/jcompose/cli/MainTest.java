package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.line.ParsedLine;
import io.jcompose.cli.line.Values;
import io.jcompose.model.load.LoadResult;
import io.jcompose.model.load.ProjectLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path directory;

  private Cli cli() {
    return Cli.in(directory, ProjectLoader::load);
  }

  @Test
  void version_printsTheVersion() {
    var cli = cli();

    assertThat(cli.run("version")).isEqualTo(0);
    assertThat(cli.out()).isEqualTo("jcompose version dev\n");
  }

  @Test
  void version_shortAndJson() {
    var cli = cli();
    assertThat(cli.run("version", "--short")).isEqualTo(0);
    assertThat(cli.run("version", "--format", "json")).isEqualTo(0);

    assertThat(cli.out()).isEqualTo("dev\n{\"version\":\"dev\"}\n");
  }

  @Test
  void help_printsUsageAndExitsZero() {
    var cli = cli();

    assertThat(cli.run("config", "--help")).isEqualTo(0);
    assertThat(cli.out()).startsWith("Usage: jcompose config").contains("--no-consistency");
  }

  @Test
  void unknownOption_isAUsageError() {
    var cli = cli();

    assertThat(cli.run("--no-such-flag", "version")).isEqualTo(2);
    assertThat(cli.err()).contains("Unknown option: '--no-such-flag'").contains("--help");
  }

  @Test
  void unknownCommand_isAUsageError() {
    var cli = cli();

    assertThat(cli.run("frobnicate")).isEqualTo(2);
    assertThat(cli.err()).contains("frobnicate");
  }

  @Test
  void badEnumValue_isAUsageError() {
    var cli = cli();

    assertThat(cli.run("--progress", "loud", "version")).isEqualTo(2);
    assertThat(cli.err()).contains("--progress").contains("loud");
  }

  @Test
  void globalOptions_reachTheLoader() {
    var cli = cli();
    writeCompose("services: {web: {image: nginx}}\n");
    writeFile("override.yaml", "services: {web: {image: \"nginx:${TAG}\"}}\n");
    writeFile("a.env", "TAG=1\n");
    writeFile("b.env", "TAG=2\n");

    int code =
        cli.run(
            "-f", "compose.yaml",
            "-f", "override.yaml",
            "-p", "demo",
            "--profile", "debug",
            "--profile", "tools",
            "--env-file", "a.env",
            "--env-file", "b.env",
            "--project-directory", "sub/..",
            "config", "-q");

    assertThat(code).isEqualTo(0);
    var options = cli.lastOptions();
    assertThat(options.sources().files()).containsExactly("compose.yaml", "override.yaml");
    assertThat(options.selection().projectName()).contains("demo");
    assertThat(options.selection().profiles()).containsExactly("debug", "tools");
    assertThat(options.sources().envFiles()).containsExactly("a.env", "b.env");
    assertThat(options.sources().projectDirectory()).contains(directory);
    assertThat(options.invocation().workingDirectory()).isEqualTo(directory);
    assertThat(
            cli.run(
                "-f",
                "compose.yaml",
                "-f",
                "override.yaml",
                "--env-file",
                "a.env",
                "--env-file",
                "b.env",
                "config",
                "--images"))
        .isEqualTo(0);
    assertThat(cli.out()).endsWith("nginx:2\n");
  }

  @Test
  void globalOptions_otherFlagsParse() {
    var root =
        global(
            Map.of(),
            "--parallel",
            "4",
            "--progress",
            "PLAIN",
            "--ansi",
            "never",
            "--dry-run",
            "-H",
            "unix:///tmp/x.sock",
            "--context",
            "remote",
            "--engine",
            "bundled",
            "--debug",
            "version");

    assertThat(root.parallel()).isEqualTo(4);
    assertThat(root.progress()).isEqualTo(JcomposeCommand.Progress.plain);
    assertThat(root.ansi()).isEqualTo(JcomposeCommand.Ansi.never);
    assertThat(root.dryRun()).isTrue();
    assertThat(root.host()).contains("unix:///tmp/x.sock");
    assertThat(root.dockerContext()).contains("remote");
    assertThat(root.engine()).isEqualTo(JcomposeCommand.Engine.bundled);
    assertThat(root.debug()).isTrue();
  }

  @Test
  void globalOptions_fallBackToTheEnvironment() {
    var root =
        global(
            Map.of(
                "COMPOSE_PARALLEL_LIMIT", "2",
                "COMPOSE_PROGRESS", "json",
                "NO_COLOR", "1",
                "JCOMPOSE_ENGINE", "docker"),
            "version");

    assertThat(root.parallel()).isEqualTo(2);
    assertThat(root.progress()).isEqualTo(JcomposeCommand.Progress.json);
    assertThat(root.ansi()).isEqualTo(JcomposeCommand.Ansi.never);
    assertThat(root.engine()).isEqualTo(JcomposeCommand.Engine.docker);
  }

  @Test
  void globalOptions_badNumber_isAUsageError() {
    var cli = cli();

    assertThat(cli.run("--parallel", "many", "version")).isEqualTo(2);
    assertThat(cli.err()).contains("--parallel").contains("many").contains("jcompose --help");
  }

  @Test
  void anEndpointThatDoesNotAnswer_isExitFourNamingIt() {
    var cli = cli();
    writeCompose("services: {web: {image: busybox}}\n");
    String socket = directory.resolve("nothing-here.sock").toString();

    assertThat(cli.run("-H", "unix://" + socket, "ps")).isEqualTo(4);
    assertThat(cli.err()).contains("unix://" + socket).contains("-H").doesNotContain("Exception");
  }

  @Test
  void noVerb_isAUsageError() {
    var cli = cli();

    assertThat(cli.run()).isEqualTo(2);
    assertThat(cli.err()).contains("Missing required subcommand");
  }

  @Test
  void versionOption_printsTheVersion() {
    var cli = cli();

    assertThat(cli.run("--version")).isEqualTo(0);
    assertThat(cli.out()).isEqualTo("jcompose version dev\n");
  }

  @Test
  void everyVerbOfTheGrammar_hasACommand() throws Exception {
    // no verb may reach a real endpoint from a unit test (the real connector would start the
    // bundled engine on the host's default socket when nothing answers)
    RuntimeConnector noEndpoint =
        global -> {
          throw new UserException("no endpoint in this test", ExitCode.NO_ENDPOINT, null);
        };
    for (var verb : JcomposeCommand.GRAMMAR.verbs()) {
      var global = new JcomposeCommand(context(Map.of()).withConnector(noEndpoint), Values.NONE);
      try {
        Main.call(new ParsedLine(verb.name(), Values.NONE, Values.NONE), global);
      } catch (IllegalStateException | UserException e) {
        assertThat(e).as(verb.name()).hasMessageNotContaining("no command for the verb");
      }
    }
  }

  @Test
  void internalError_isExitOneWithoutStackTrace_unlessDebug() {
    var failing =
        Cli.in(
            directory,
            options -> {
              throw new IllegalStateException("boom");
            });
    assertThat(failing.run("config")).isEqualTo(1);
    assertThat(failing.err())
        .contains("jcompose: internal error: java.lang.IllegalStateException: boom")
        .contains("--debug")
        .doesNotContain("\tat ");

    var debugging =
        Cli.in(
            directory,
            options -> {
              throw new IllegalStateException("boom");
            });
    assertThat(debugging.run("--debug", "config")).isEqualTo(1);
    assertThat(debugging.err()).contains("\tat ");

    var debuggingAfterVerb =
        Cli.in(
            directory,
            options -> {
              throw new IllegalStateException("boom");
            });
    assertThat(debuggingAfterVerb.run("config", "--debug")).isEqualTo(1);
    assertThat(debuggingAfterVerb.err()).contains("\tat ");
  }

  @Test
  void interruption_isExit130() {
    var cli = Cli.in(directory, options -> MainTest.<LoadResult>sneakyInterrupt());

    assertThat(cli.run("config")).isEqualTo(130);
    assertThat(cli.err()).contains("interrupted");
    assertThat(Thread.interrupted()).isTrue();
  }

  @SuppressWarnings("unchecked")
  private static <T, E extends Exception> T sneakyThrow(Exception e) throws E {
    throw (E) e;
  }

  private static <T> T sneakyInterrupt() {
    return MainTest.<T, RuntimeException>sneakyThrow(new InterruptedException());
  }

  /** The global options of a line the fast parser reads. */
  private JcomposeCommand global(Map<String, String> environment, String... args) {
    var line = io.jcompose.cli.line.LineParser.parse(JcomposeCommand.GRAMMAR, args);
    assertThat(line).isNotNull();
    return new JcomposeCommand(context(environment), line.global());
  }

  private CliContext context(Map<String, String> environment) {
    return new CliContext(
        environment,
        directory,
        () -> "",
        new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()),
        options -> new LoadResult(Optional.empty(), Optional.empty(), List.of()));
  }

  private void writeCompose(String text) {
    writeFile("compose.yaml", text);
  }

  private void writeFile(String name, String text) {
    try {
      java.nio.file.Files.writeString(directory.resolve(name), text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
