package io.jcompose.model.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadResult;
import io.jcompose.model.load.ProjectLoader;
import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.ReadinessCheck;
import io.jcompose.model.project.ReadinessOverride;
import io.jcompose.schema.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code x-jcompose.ready} on services and depends_on entries: parsed, defaulted, checked. */
class ReadinessExtensionTest {

  @TempDir Path directory;

  private LoadResult load(String yaml) throws IOException {
    Files.writeString(directory.resolve("compose.yaml"), yaml);
    return ProjectLoader.load(
        LoadOptions.of(List.of("compose.yaml"), directory, Map.of("HOME", "/root")));
  }

  private Project project(String yaml) throws IOException {
    LoadResult result = load(yaml);
    assertThat(result.errors()).isEmpty();
    return result.project().orElseThrow();
  }

  private Diagnostic onlyError(String yaml) throws IOException {
    LoadResult result = load(yaml);
    assertThat(result.isValid()).isFalse();
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0);
  }

  private static String located(Diagnostic diagnostic) {
    return diagnostic.position().line() + ":" + diagnostic.position().column();
  }

  private static String service(String ready) {
    return "services:\n  api:\n    image: busybox\n    x-jcompose:\n      ready:\n" + ready;
  }

  private Optional<ReadinessCheck> readinessOf(String ready) throws IOException {
    return project(service(ready)).services().get("api").lifecycle().readiness();
  }

  @Test
  void http_takesItsPathAndStatusAndTheDefaultIntervalAndTimeout() throws IOException {
    assertThat(readinessOf("        http: {port: 8080, path: /health, status: 204}\n"))
        .contains(
            new ReadinessCheck(
                new ReadinessCheck.Http(8080, "/health", Optional.of(204)),
                Duration.ofMillis(500),
                Duration.ofSeconds(60)));
  }

  @Test
  void http_defaultsToRootAndAnySuccessOrRedirect() throws IOException {
    ReadinessCheck check = readinessOf("        http: {port: 80}\n").orElseThrow();
    var http = (ReadinessCheck.Http) check.probe();
    assertThat(http.path()).isEqualTo("/");
    assertThat(http.accepts(200)).isTrue();
    assertThat(http.accepts(302)).isTrue();
    assertThat(http.accepts(404)).isFalse();
    assertThat(http.describe()).isEqualTo("http GET :80/");
  }

  @Test
  void tcpLogAndCommand_areReadWithCompseDurations() throws IOException {
    assertThat(readinessOf("        tcp: 5432\n        interval: 1s\n        timeout: 1m30s\n"))
        .contains(
            new ReadinessCheck(
                new ReadinessCheck.Tcp(5432), Duration.ofSeconds(1), Duration.ofSeconds(90)));
    assertThat(readinessOf("        log: \"listening on \\\\d+\"\n").orElseThrow().probe())
        .isEqualTo(new ReadinessCheck.Log("listening on \\d+"));
    assertThat(readinessOf("        command: [\"test\", \"-f\", \"/tmp/ready\"]\n").get().probe())
        .isEqualTo(new ReadinessCheck.Command(List.of("test", "-f", "/tmp/ready")));
    assertThat(readinessOf("        command: test -f /tmp/ready\n").get().probe())
        .isEqualTo(new ReadinessCheck.Command(List.of("sh", "-c", "test -f /tmp/ready")));
  }

  @Test
  void dependency_takesItsOwnCheckOrOnlyATimeout() throws IOException {
    Project project =
        project(
            service("        http: {port: 8080, path: /health}\n")
                + "  web:\n    image: busybox\n    depends_on:\n"
                + "      api:\n        condition: service_started\n"
                + "        x-jcompose:\n          ready: {http: {port: 8080, path: /ready}}\n"
                + "  worker:\n    image: busybox\n    depends_on:\n"
                + "      api:\n        condition: service_started\n"
                + "        x-jcompose: {timeout: 20s}\n");
    Optional<ReadinessCheck> apiCheck = project.services().get("api").lifecycle().readiness();

    Dependency web = project.services().get("web").dependsOn().get("api");
    Dependency worker = project.services().get("worker").dependsOn().get("api");

    assertThat(web.readinessCheck(apiCheck).orElseThrow().probe())
        .isEqualTo(new ReadinessCheck.Http(8080, "/ready", Optional.empty()));
    assertThat(worker.readiness())
        .contains(
            new ReadinessOverride(
                Optional.empty(), Optional.empty(), Optional.of(Duration.ofSeconds(20))));
    assertThat(worker.readinessCheck(apiCheck))
        .contains(
            new ReadinessCheck(
                new ReadinessCheck.Http(8080, "/health", Optional.empty()),
                Duration.ofMillis(500),
                Duration.ofSeconds(20)));
  }

  @Test
  void twoChecks_isAnErrorAtTheSecond() throws IOException {
    Diagnostic error = onlyError(service("        tcp: 5432\n        log: ready\n"));
    assertThat(located(error)).isEqualTo("7:9");
    assertThat(error.path()).hasToString("services.api.x-jcompose.ready.log");
    assertThat(error.message()).contains("more than one check: tcp, log");
  }

  @Test
  void noCheck_isAnError() throws IOException {
    Diagnostic error = onlyError(service("        timeout: 5s\n"));
    assertThat(located(error)).isEqualTo("6:9");
    assertThat(error.message()).contains("has no check");
    assertThat(error.hint()).contains("tcp, http, log or command");
  }

  @Test
  void badDuration_isQuotedAtItsValue() throws IOException {
    Diagnostic error = onlyError(service("        tcp: 5432\n        timeout: 60\n"));
    assertThat(located(error)).isEqualTo("7:18");
    assertThat(error.message()).isEqualTo("invalid timeout \"60\": expected a positive duration");
    assertThat(error.hint()).contains("500ms");
  }

  @Test
  void badPortPatternAndUnknownKey_areReportedAtTheirNodes() throws IOException {
    assertThat(onlyError(service("        tcp: 70000\n")).message())
        .contains("invalid tcp \"70000\": expected a container port");
    assertThat(onlyError(service("        http: {path: /health}\n")).message())
        .isEqualTo("http has no port");
    assertThat(onlyError(service("        log: \"(unclosed\"\n")).message())
        .startsWith("invalid regular expression \"(unclosed\"");
    Diagnostic unknown = onlyError(service("        tcp: 1\n        retries: 3\n"));
    assertThat(located(unknown)).isEqualTo("7:9");
    assertThat(unknown.message()).isEqualTo("unknown key \"retries\" in ready");
  }

  @Test
  void dependencyTimeoutWithoutAServiceCheck_isAnError() throws IOException {
    Diagnostic error =
        onlyError(
            "services:\n  api:\n    image: busybox\n  web:\n    image: busybox\n"
                + "    depends_on:\n      api:\n        condition: service_started\n"
                + "        x-jcompose: {timeout: 20s}\n");
    assertThat(located(error)).isEqualTo("9:9");
    assertThat(error.message()).contains("service \"api\" has no x-jcompose.ready check");
  }

  @Test
  void readinessChange_doesNotChangeTheConfigHash() throws IOException {
    String plain = "services:\n  api:\n    image: busybox\n";
    String hash = project(plain).services().get("api").configHash();

    assertThat(project(service("        tcp: 5432\n")).services().get("api").configHash())
        .isEqualTo(hash);
    assertThat(project(service("        http: {port: 80}\n")).services().get("api").configHash())
        .isEqualTo(hash);
  }
}
