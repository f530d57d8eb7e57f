package io.jcompose.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.adapter.SocketProbe;
import java.io.IOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, run as written: the command between its {@code quickstart-command}
 * markers, with {@code bash -c} from the checkout root. It starts the bundled engine on its
 * defaults (socket {@code /run/jcompose/engine.sock}, data {@code /var/lib/jcompose}), builds
 * {@code examples/quickstart}'s images there and runs the stack; the page at the address it prints
 * shows the worker's heartbeat as the api serves it. Then the stack goes down with its volume and
 * images, the engine stops, and nothing of it may be left on the host. The test never touches an
 * engine it did not start: when one already answers on the default socket, it fails and says so.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class QuickStartTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String COMPOSE_FILE = "examples/quickstart/compose.yaml";
  private static final int PORT = 8085;
  private static final Pattern ADDRESS = Pattern.compile("open (http://\\S+)");
  private static final Pattern HEARTBEAT =
      Pattern.compile(
          "<pre>\\{\"worker\": \"[0-9a-f]{12}\", \"beats\": [1-9][0-9]*,"
              + " \"at\": \"[0-9-]+T[0-9:]+Z\"\\}</pre>");

  @TempDir Path directory;

  @Test
  void readmeQuickStart_runsTheStackOnTheBundledEngine_andItsPageShowsTheWorkersHeartbeat()
      throws Exception {
    ReadmeCommand command = ReadmeCommand.read(ROOT.resolve("README.md"), "quickstart-command");
    assertThat(SocketProbe.answers(DefaultEngineTraces.SOCKET, Duration.ofSeconds(1)))
        .as(
            "an engine already answers on %s; this test starts the bundled engine there and never"
                + " touches one it did not start: stop it (./jcompose engine stop) to run the test",
            DefaultEngineTraces.SOCKET)
        .isFalse();
    assertPortFree();
    boolean execRootExisted = Files.exists(DefaultEngineTraces.EXEC_ROOT);
    boolean dataRootExisted = Files.exists(DefaultEngineTraces.DATA_ROOT);
    DefaultEngineTraces before = DefaultEngineTraces.take();
    try {
      CommandRun quickStart = run(List.of("bash", "-c", command.text()), Duration.ofMinutes(10));
      assertThat(quickStart.exitCode()).as(quickStart + engineLog()).isZero();
      assertThat(quickStart.err())
          .contains("started the bundled engine on unix://" + DefaultEngineTraces.SOCKET)
          .contains("Image quickstart-web  Built")
          .contains("Container quickstart-web-1  Started");
      Matcher address = ADDRESS.matcher(quickStart.out());
      assertThat(address.find()).as(quickStart.toString()).isTrue();
      assertThat(address.group(1)).isEqualTo("http://localhost:" + PORT);

      HttpResponse<String> page = get(address.group(1));

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<h1>jcompose quick start</h1>").containsPattern(HEARTBEAT);

      CommandRun down = jcompose("down", "-v", "--rmi", "local");
      assertThat(down.exitCode()).as(down.toString()).isZero();
      assertThat(engineDocker("ps", "-a", "--format", "{{.Names}}").out()).isBlank();
      assertThat(engineDocker("volume", "ls", "--format", "{{.Name}}").out()).isBlank();
      assertThat(engineDocker("images", "--format", "{{.Repository}}").out())
          .doesNotContain("quickstart");
    } finally {
      stopTheEngineItStarted(execRootExisted, dataRootExisted);
    }
    assertNothingLeftSince(before);
  }

  /** Allows ten seconds for what is on its way out (a conmon whose container was just removed). */
  private static void assertNothingLeftSince(DefaultEngineTraces before) throws Exception {
    List<String> left = before.addedIn(DefaultEngineTraces.take());
    for (int attempt = 0; attempt < 50 && !left.isEmpty(); attempt++) {
      Thread.sleep(200);
      left = before.addedIn(DefaultEngineTraces.take());
    }
    assertThat(left).as("what the quick start left on the host").isEmpty();
  }

  /** The page, which the stack serves as soon as {@code up --wait} has returned. */
  private static HttpResponse<String> get(String address) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    var request =
        HttpRequest.newBuilder(URI.create(address + "/")).timeout(Duration.ofSeconds(30)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void assertPortFree() throws IOException {
    try {
      new ServerSocket(PORT).close();
    } catch (BindException e) {
      throw new AssertionError(
          "port " + PORT + " is in use; the quick start publishes its page there", e);
    }
  }

  /**
   * Takes the stack down (again, in case the test failed before), stops the engine (the test's own:
   * none answered before), and removes its exec root and data root when the test made them.
   */
  private void stopTheEngineItStarted(boolean execRootExisted, boolean dataRootExisted)
      throws Exception {
    if (SocketProbe.answers(DefaultEngineTraces.SOCKET, Duration.ofSeconds(1))) {
      jcompose("down", "-v", "--rmi", "local");
      CommandRun stop = run(List.of("bash", "./jcompose", "engine", "stop"), Duration.ofMinutes(1));
      assertThat(stop.exitCode()).as(stop.toString()).isZero();
    }
    List<String> mounted = DefaultEngineTraces.take().mounts();
    assertThat(mounted).as("mounts the stopped engine left").isEmpty();
    if (!execRootExisted) {
      deleteTree(DefaultEngineTraces.EXEC_ROOT);
    }
    if (!dataRootExisted) {
      deleteTree(DefaultEngineTraces.DATA_ROOT);
    }
  }

  private CommandRun jcompose(String... args) throws IOException, InterruptedException {
    var command =
        new ArrayList<>(List.of("bash", "./jcompose", "--engine", "bundled", "-f", COMPOSE_FILE));
    command.addAll(List.of(args));
    return run(command, Duration.ofMinutes(3));
  }

  private CommandRun engineDocker(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of("docker", "-H", "unix://" + DefaultEngineTraces.SOCKET));
    command.addAll(List.of(args));
    CommandRun run = run(command, Duration.ofMinutes(1));
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run;
  }

  /**
   * Runs {@code command} in the checkout root with this JVM's environment, less what would point
   * jcompose elsewhere than the README's reader is pointed: another engine socket, project or port.
   */
  private CommandRun run(List<String> command, Duration timeout)
      throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).directory(ROOT.toFile());
    Map<String, String> environment = builder.environment();
    for (String name :
        List.of(
            "JCOMPOSE_ENGINE",
            "JCOMPOSE_ENGINE_HOST",
            "JCOMPOSE_JAVA_OPTS",
            "DOCKER_HOST",
            "COMPOSE_FILE",
            "COMPOSE_PROJECT_NAME",
            "QUICKSTART_PORT")) {
      environment.remove(name);
    }
    environment.put("DOCKER_CONFIG", directory.resolve("docker-config").toString());
    Path out = Files.createTempFile(directory, "out", ".txt");
    Path err = Files.createTempFile(directory, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          command + " did not finish within " + timeout + "\n" + Files.readString(err));
    }
    return new CommandRun(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String engineLog() throws IOException {
    Path log = DefaultEngineTraces.SOCKET.resolveSibling("engine.log");
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = Files.readAllLines(log);
    return "\nend of the engine's log:\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
