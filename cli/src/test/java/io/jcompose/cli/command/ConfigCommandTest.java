package io.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.Cli;
import io.jcompose.model.load.LoadOptions.Stages;
import io.jcompose.model.load.LoadResult;
import io.jcompose.model.load.ProjectLoader;
import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

  private static final String COMPOSE =
      """
      name: demo
      services:
        web:
          image: nginx:1.27
          ports:
            - target: 80
              published: "8080"
          depends_on:
            db: {condition: service_healthy}
          profiles: [frontend]
        db:
          image: postgres:16
        worker:
          build: {context: ./worker}
          profiles: [jobs, debug]
      volumes:
        data: {}
      networks:
        backend: {}
        default: {}
      """;

  @TempDir Path directory;
  private Cli cli;

  @BeforeEach
  void writeCompose() throws IOException {
    Files.writeString(directory.resolve("compose.yaml"), COMPOSE);
    cli = Cli.in(directory, ProjectLoader::load);
  }

  @Test
  void config_printsCanonicalYaml() {
    assertThat(cli.run("-f", "compose.yaml", "--profile", "frontend", "config")).isEqualTo(0);
    assertThat(cli.out())
        .startsWith("name: demo\nservices:\n  db:\n    image: postgres:16\n")
        .contains(
            "    ports:\n      - mode: ingress\n        protocol: tcp\n"
                + "        published: \"8080\"\n        target: 80\n")
        .endsWith("networks:\n  default:\n    name: demo_default\n");
    assertThat(cli.out()).doesNotContain("worker").doesNotContain("backend");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void config_printsJson() {
    assertThat(cli.run("config", "--format", "json")).isEqualTo(0);
    assertThat(cli.out()).startsWith("{\n  \"name\": \"demo\",\n  \"services\": {\n");
  }

  @Test
  void config_unknownFormat_isAUsageError() {
    assertThat(cli.run("config", "--format", "xml")).isEqualTo(2);
    assertThat(cli.err()).contains("xml").contains("jcompose config --help");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void config_listViews() {
    assertThat(cli.run("--profile", "*", "config", "--services")).isEqualTo(0);
    assertThat(cli.run("config", "--volumes")).isEqualTo(0);
    assertThat(cli.run("config", "--networks")).isEqualTo(0);
    assertThat(cli.run("config", "--profiles")).isEqualTo(0);
    assertThat(cli.run("--profile", "*", "config", "--images")).isEqualTo(0);

    assertThat(cli.out())
        .isEqualTo(
            "db\nweb\nworker\n"
                + "default\n"
                + "debug\nfrontend\njobs\n"
                + "postgres:16\nnginx:1.27\ndemo-worker\n");
  }

  @Test
  void config_twoViews_isAUsageError() {
    assertThat(cli.run("config", "--services", "--volumes")).isEqualTo(2);
    assertThat(cli.err()).contains("exclude each other");
  }

  @Test
  void config_hash_printsOneLinePerService() {
    assertThat(cli.run("--profile", "*", "config", "--hash", "*")).isEqualTo(0);
    List<String> lines = cli.out().lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(lines).allMatch(line -> line.matches("(db|web|worker) [0-9a-f]{64}"));
    assertThat(cli.run("--profile", "*", "config", "--hash", "web,db")).isEqualTo(0);
    assertThat(cli.out().lines().skip(3).map(line -> line.split(" ")[0]))
        .containsExactly("web", "db");
  }

  @Test
  void config_hash_unknownService_fails() {
    assertThat(cli.run("config", "--hash", "nope")).isEqualTo(1);
    assertThat(cli.err()).isEqualTo("jcompose: no such service: nope\n");
  }

  @Test
  void config_selectedServices_keepTheirDependenciesAndEnableTheirProfiles() {
    assertThat(cli.run("config", "--services", "web")).isEqualTo(0);
    assertThat(cli.out()).isEqualTo("db\nweb\n");
  }

  @Test
  void config_selectedUnknownService_fails() {
    assertThat(cli.run("config", "nope")).isEqualTo(1);
    assertThat(cli.err()).contains("no such service: nope");
  }

  @Test
  void config_quiet_printsNothing() {
    assertThat(cli.run("config", "-q")).isEqualTo(0);
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void config_output_writesTheFile() throws IOException {
    assertThat(cli.run("config", "-o", "out.yaml")).isEqualTo(0);

    assertThat(cli.out()).isEmpty();
    assertThat(Files.readString(directory.resolve("out.yaml"))).startsWith("name: demo\n");
  }

  @Test
  void config_output_unwritable_fails() {
    assertThat(cli.run("config", "--output", "missing/dir/out.yaml")).isEqualTo(1);
    assertThat(cli.err()).startsWith("jcompose: cannot write missing/dir/out.yaml");
  }

  @Test
  void config_readsStdinForDash() {
    var fromStdin =
        new Cli(
            directory, Map.of(), "services:\n  app:\n    image: busybox\n", ProjectLoader::load);

    assertThat(fromStdin.run("-f", "-", "config", "--services")).isEqualTo(0);
    assertThat(fromStdin.out()).isEqualTo("app\n");
  }

  @Test
  void config_stageFlags_reachTheLoader() {
    cli.run("config", "-q", "--no-interpolate", "--no-path-resolution");
    assertThat(cli.lastOptions().stages()).isEqualTo(new Stages(false, true, false, true));

    cli.run("config", "-q", "--no-normalize", "--no-consistency");
    assertThat(cli.lastOptions().stages()).isEqualTo(new Stages(true, false, true, false));
  }

  @Test
  void config_invalidProject_printsEveryDiagnosticAndExits3() {
    var warning = Diagnostic.warning(new Position("compose.yaml", 1, 1), YamlPath.ROOT, "w1");
    var first =
        Diagnostic.error(
            new Position("compose.yaml", 3, 5),
            YamlPath.of("services", "web", "ports", 0),
            "invalid port \"80:x\"",
            "use HOST:CONTAINER");
    var second =
        Diagnostic.error(
            new Position("compose.yaml", 9, 3), YamlPath.of("services", "db"), "no image");
    var invalid =
        Cli.in(
            directory,
            options ->
                new LoadResult(
                    Optional.empty(), Optional.empty(), List.of(warning, first, second)));

    assertThat(invalid.run("config")).isEqualTo(3);
    String nl = System.lineSeparator();
    assertThat(invalid.err())
        .isEqualTo(
            "compose.yaml:1:1: warning: w1\n"
                + "compose.yaml:3:5: error: services.web.ports[0]: invalid port \"80:x\""
                + nl
                + "  hint: use HOST:CONTAINER\n"
                + "compose.yaml:9:3: error: services.db: no image\n"
                + "jcompose: the project is invalid (2 errors)\n");
    assertThat(invalid.out()).isEmpty();
  }

  @Test
  void config_validProjectWarnings_goToStderr() throws IOException {
    Files.writeString(
        directory.resolve("compose.yaml"), "version: \"3.8\"\nservices:\n  app:\n    image: a\n");

    assertThat(cli.run("config", "--services")).isEqualTo(0);
    assertThat(cli.err()).startsWith("compose.yaml:1:1: warning: version: the attribute `version`");
    assertThat(cli.out()).isEqualTo("app\n");
  }

  @Test
  void config_imagesNameBuiltServicesAfterTheProject() throws IOException {
    Files.writeString(directory.resolve("compose.yaml"), "services:\n  api:\n    build: .\n");

    assertThat(cli.run("-p", "fromflag", "config", "--images")).isEqualTo(0);
    assertThat(cli.out()).isEqualTo("fromflag-api\n");
  }
}
