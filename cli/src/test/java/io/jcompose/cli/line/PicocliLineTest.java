package io.jcompose.cli.line;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.Cli;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.model.load.LoadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What picocli, on the slow path, prints: help, the version and usage errors. */
class PicocliLineTest {

  @TempDir Path directory;

  private Cli cli() {
    return Cli.in(
        directory, options -> new LoadResult(Optional.empty(), Optional.empty(), List.of()));
  }

  @Test
  void help_listsEveryOptionOfEveryVerb() {
    for (Verb verb : JcomposeCommand.GRAMMAR.verbs()) {
      var cli = cli();

      assertThat(cli.run(verb.name(), "--help")).isEqualTo(0);
      assertThat(cli.out()).startsWith("Usage: jcompose " + verb.name());
      for (Option option : verb.options()) {
        for (String name : option.names()) {
          assertThat(cli.out()).as(verb.name()).contains(name);
        }
      }
      assertThat(cli.out()).contains("--debug");
    }
  }

  @Test
  void helpVerb_printsTheUsageOfTheNamedVerb() {
    var cli = cli();

    assertThat(cli.run("help", "config")).isEqualTo(0);
    assertThat(cli.out()).startsWith("Usage: jcompose config").contains("--services");
    assertThat(cli.run("help", "nope")).isEqualTo(2);
    assertThat(cli.err()).contains("nope");
  }

  @Test
  void help_global_listsTheGlobalOptionsAndTheVerbs() {
    var cli = cli();

    assertThat(cli.run("--help")).isEqualTo(0);
    for (Option option : JcomposeCommand.GRAMMAR.root().options()) {
      for (String name : option.names()) {
        assertThat(cli.out()).contains(name);
      }
    }
    assertThat(cli.out())
        .contains("--progress=MODE", "auto, tty, plain, json, quiet")
        .contains("Commands:", "config", "version");
  }

  @Test
  void help_showsAllowedAndDefaultValues() {
    var cli = cli();

    assertThat(cli.run("config", "-h")).isEqualTo(0);
    assertThat(cli.out())
        .contains("--format=FORMAT")
        .contains("Output format: yaml, json (default: yaml).")
        .contains("[SERVICE...]");
  }

  @Test
  void unknownOption_fallsBackToPicocli_exit2() {
    var cli = cli();

    assertThat(cli.run("config", "--no-such-flag")).isEqualTo(2);
    assertThat(cli.err())
        .isEqualTo(
            "jcompose: Unknown option: '--no-such-flag'\n"
                + "Run 'jcompose config --help' for usage.\n");
  }

  @Test
  void badValue_namesTheAllowedOnes() {
    var cli = cli();

    assertThat(cli.run("version", "-f", "xml")).isEqualTo(2);
    assertThat(cli.err())
        .contains("'--format'")
        .contains("expected one of [pretty, json] (case-insensitive) but was 'xml'")
        .contains("Run 'jcompose version --help' for usage.");
  }

  @Test
  void missingValue_isAUsageError() {
    var cli = cli();

    assertThat(cli.run("config", "-o")).isEqualTo(2);
    assertThat(cli.err()).contains("Missing required parameter for option '--output' (FILE)");
  }

  @Test
  void repeatedSingleOption_isAUsageError() {
    var cli = cli();

    assertThat(cli.run("-p", "a", "-p", "b", "version")).isEqualTo(2);
    assertThat(cli.err()).contains("option '--project-name' (NAME) should be specified only once");
  }
}
