package io.jcompose.cli.line;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.JcomposeCommand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineParserTest {

  private static ParsedLine parse(String... args) {
    return LineParser.parse(JcomposeCommand.GRAMMAR, args);
  }

  private static Values values(Map<String, List<String>> options, String... positionals) {
    return new Values(options, List.of(positionals));
  }

  @Test
  void parse_globalOptionsBeforeTheVerb() {
    assertThat(parse("-f", "a.yaml", "--file=b.yaml", "-fc.yaml", "-p", "demo", "config"))
        .isEqualTo(
            new ParsedLine(
                "config",
                values(
                    Map.of(
                        "--file", List.of("a.yaml", "b.yaml", "c.yaml"),
                        "--project-name", List.of("demo"))),
                Values.NONE));
  }

  @Test
  void parse_verbOptionsInEveryForm() {
    assertThat(parse("config", "--format", "json", "-o", "out.yaml", "--hash=web", "--services"))
        .isEqualTo(
            new ParsedLine(
                "config",
                Values.NONE,
                values(
                    Map.of(
                        "--format", List.of("json"),
                        "--output", List.of("out.yaml"),
                        "--hash", List.of("web"),
                        "--services", List.of("true")))));
  }

  @Test
  void parse_bundledShortOptions_lastOneMayTakeAValue() {
    assertThat(parse("config", "-qo", "out.yaml").local())
        .isEqualTo(values(Map.of("--quiet", List.of("true"), "--output", List.of("out.yaml"))));
    assertThat(parse("config", "-qoout.yaml").local())
        .isEqualTo(values(Map.of("--quiet", List.of("true"), "--output", List.of("out.yaml"))));
  }

  @Test
  void parse_repeatableOptionsKeepTheirOrder() {
    var global = parse("--profile", "b", "--profile", "a", "--env-file", "x", "version").global();

    assertThat(global.values(globalOption("--profile"))).containsExactly("b", "a");
    assertThat(global.values(globalOption("--env-file"))).containsExactly("x");
  }

  @Test
  void parse_allowedValuesAreCaseInsensitiveAndStoredAsDeclared() {
    var line = parse("--progress", "PLAIN", "--ansi=Never", "config", "--format", "JSON");

    assertThat(line.global().options())
        .isEqualTo(Map.of("--progress", List.of("plain"), "--ansi", List.of("never")));
    assertThat(line.local().options()).isEqualTo(Map.of("--format", List.of("json")));
  }

  @Test
  void parse_positionalsAndDoubleDash() {
    assertThat(parse("config", "web", "--services", "db", "--", "-q", "--format").local())
        .isEqualTo(values(Map.of("--services", List.of("true")), "web", "db", "-q", "--format"));
    assertThat(parse("-f", "-", "config", "-").local()).isEqualTo(values(Map.of(), "-"));
  }

  @Test
  void parse_inheritedOptionAfterTheVerbIsGlobal() {
    assertThat(parse("config", "--debug").global())
        .isEqualTo(values(Map.of("--debug", List.of("true"))));
    assertThat(parse("--debug", "config", "--debug").global())
        .isEqualTo(values(Map.of("--debug", List.of("true"))));
  }

  @Test
  void parse_defaultsComeFromTheModel() {
    Values local = parse("config").local();

    assertThat(local.value(ConfigOption.FORMAT)).contains("yaml");
    assertThat(local.has(ConfigOption.FORMAT)).isFalse();
  }

  @Test
  void parse_leavesToPicocliWhatItDoesNotUnderstand() {
    List<List<String>> lines =
        List.of(
            List.of(),
            List.of("-f", "a.yaml"),
            List.of("help"),
            List.of("frobnicate"),
            List.of("--help"),
            List.of("-V"),
            List.of("config", "--help"),
            List.of("config", "-h"),
            List.of("config", "-qh"),
            List.of("--no-such-flag", "version"),
            List.of("config", "--no-such-flag"),
            List.of("config", "-x"),
            List.of("config", "--format", "xml"),
            List.of("config", "--format"),
            List.of("config", "-o"),
            List.of("config", "--services=true"),
            List.of("config", "-q", "-q"),
            List.of("-p", "a", "-p", "b", "version"),
            List.of("-p", "--profile", "x", "version"),
            List.of("-p", "config", "version"),
            List.of("-f=a.yaml", "config"),
            List.of("--parallel", "many", "version"),
            List.of("--parallel", "-1", "version"),
            List.of("config", "--debug", "--debug"),
            List.of("version", "extra"),
            List.of("--", "config"),
            List.of("version", "--file", "x"));

    for (List<String> line : lines) {
      assertThat(parse(line.toArray(new String[0]))).as("%s", line).isNull();
    }
  }

  private static Option globalOption(String name) {
    return JcomposeCommand.GRAMMAR.root().option(name);
  }

  /** config's options, looked up by name as a user would. */
  private static final class ConfigOption {
    static final Option FORMAT = JcomposeCommand.GRAMMAR.verb("config").option("--format");
  }

  @Test
  void parse_execAndRunOptionsEndAtTheService() {
    assertThat(parse("exec", "-T", "--index", "2", "app", "sh", "-c", "ls -T", "-T", "--", "x"))
        .isEqualTo(
            new ParsedLine(
                "exec",
                Values.NONE,
                values(
                    Map.of("--no-TTY", List.of("true"), "--index", List.of("2")),
                    "app",
                    "sh",
                    "-c",
                    "ls -T",
                    "-T",
                    "--",
                    "x")));
    assertThat(parse("run", "--rm", "app", "--rm").local())
        .isEqualTo(values(Map.of("--rm", List.of("true")), "app", "--rm"));
  }

  @Test
  void parse_execNeedsACommand() {
    assertThat(parse("exec", "app")).isNull();
  }
}
