package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interactive verbs: {@code exec} (with and without a TTY), {@code run} (one-off containers,
 * their dependencies, {@code --rm}) and {@code attach}.
 */
@Timeout(180)
class InteractiveScenarioTest {

  private static final Path LAUNCHER = Path.of("..", "jcompose").toAbsolutePath().normalize();

  private static final String SERVER =
      """
      services:
        app:
          image: ${IMAGE}
          command: ["sh", "-c", "trap 'exit 0' TERM; while true; do echo tick; sleep 1 & wait; done"]
      """;

  @TempDir Path output;

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void execNoTty_printsTheCommandsOutputAndReturnsItsExitCode(Target target) throws Exception {
    try (Stack stack = Stack.create(target, SERVER)) {
      CommandResult notRunning = stack.jcompose("exec", "-T", "app", "true");
      assertThat(notRunning.exitCode()).as(notRunning.toString()).isEqualTo(1);
      assertThat(notRunning.err()).contains("service \"app\" is not running");

      stack.jcomposeOk("up", "-d");
      CommandResult exec =
          stack.jcompose(
              "exec",
              "-T",
              "-e",
              "WHO=world",
              "app",
              "sh",
              "-c",
              "echo hello $WHO; echo oops >&2; exit 4");

      assertThat(exec.exitCode()).as(exec.toString()).isEqualTo(4);
      assertThat(exec.out()).isEqualTo("hello world\n");
      assertThat(exec.err()).contains("oops\n");

      stack.jcomposeOk("exec", "-d", "app", "sh", "-c", "echo in-background > /tmp/flag");
      Await.until(
          "exec -d to have run",
          Stack.COMMAND_TIMEOUT,
          () -> stack.jcompose("exec", "-T", "app", "cat", "/tmp/flag").out(),
          out -> out.equals("in-background\n"));
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void execOnATerminal_runsAnInteractiveShellWithATty(Target target) throws Exception {
    try (Stack stack = Stack.create(target, SERVER)) {
      stack.jcomposeOk("up", "-d");
      Path transcript = output.resolve("exec.out");
      Process terminal = onTerminal(stack, transcript, "exec", "app", "sh");
      try (OutputStream keys = terminal.getOutputStream()) {
        awaitTranscript(transcript, "# ");
        type(keys, "echo $((6*7))\r");
        awaitTranscript(transcript, "42");
        type(keys, "tty; stty size\r");
        awaitTranscript(transcript, "30 100");
        type(keys, "exit 5\r");
        assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).as(read(transcript)).isTrue();
      } finally {
        terminal.destroyForcibly();
      }

      assertThat(terminal.exitValue()).as(read(transcript)).isEqualTo(5);
      assertThat(read(transcript)).contains("42\r\n").containsPattern("/dev/pts/\\d+\r\n");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void runRm_returnsTheContainersExitCodeAndLeavesNoContainer(Target target) throws Exception {
    try (Stack stack = Stack.create(target, SERVER)) {
      CommandResult run =
          stack.jcompose("run", "--rm", "-T", "app", "sh", "-c", "echo one-off; exit 3");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
      assertThat(run.out()).isEqualTo("one-off\n");
      assertThat(target.containers(stack.projectName())).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void run_startsTheServicesDependencyFirstAndLabelsTheOneOff(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              db:
                image: ${IMAGE}
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
              app:
                image: ${IMAGE}
                depends_on: [db]
                command: ["sh", "-c", "echo service-command"]
            """)) {
      CommandResult run = stack.jcompose("run", "-T", "app", "sh", "-c", "echo from-run");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).isEqualTo("from-run\n");
      assertThat(stack.psEntry(stack.containerName("db", 1)).get("State")).isEqualTo("running");
      List<Map<String, Object>> containers = target.containers(stack.projectName());
      assertThat(containers).extracting(container -> container.get("Names")).hasSize(2);
      Map<String, Object> oneOff =
          containers.stream()
              .filter(container -> ((String) container.get("Names")).contains("-app-run-"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no one-off container in " + containers));
      assertThat((String) oneOff.get("Names"))
          .matches(stack.projectName() + "-app-run-[0-9a-f]{12}");
      assertThat((String) oneOff.get("Labels")).contains("com.docker.compose.oneoff=True");
      assertThat(oneOff.get("State")).isEqualTo("exited");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void attach_showsTheServicesOutputUntilItStops(Target target) throws Exception {
    try (Stack stack = Stack.create(target, SERVER)) {
      stack.jcomposeOk("up", "-d");
      Stack.Running attach = stack.start("attach", "app");
      Await.until(
          "attach to show the service's output",
          Stack.COMMAND_TIMEOUT,
          attach::out,
          out -> out.contains("tick\n"));

      stack.jcomposeOk("stop", "-t", "5", "app");

      CommandResult attached = attach.await(Duration.ofSeconds(30));
      assertThat(attached.exitCode()).as(attached.toString()).isZero();
      assertThat(attached.out()).startsWith("tick\n");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void runOnATerminal_detachesOnCtrlPCtrlQAndLeavesTheOneOffRunning(Target target)
      throws Exception {
    try (Stack stack = Stack.create(target, SERVER)) {
      Path transcript = output.resolve("run.out");
      Process terminal = onTerminal(stack, transcript, "run", "app", "sh");
      try (OutputStream keys = terminal.getOutputStream()) {
        awaitTranscript(transcript, "# ");
        type(keys, "echo $((6*7))\r");
        awaitTranscript(transcript, "42");
        type(keys, "\u0010\u0011");
        assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).as(read(transcript)).isTrue();
      } finally {
        terminal.destroyForcibly();
      }

      assertThat(terminal.exitValue()).as(read(transcript)).isZero();
      List<Map<String, Object>> containers = target.containers(stack.projectName());
      assertThat(containers).hasSize(1);
      assertThat((String) containers.get(0).get("Names")).contains("-app-run-");
      assertThat(containers.get(0).get("State")).isEqualTo("running");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void attachOnATerminal_typesIntoTheServicesTtyAndDetaches(Target target) throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              console:
                image: ${IMAGE}
                command: ["sh"]
                tty: true
                stdin_open: true
            """)) {
      stack.jcomposeOk("up", "-d");
      Path transcript = output.resolve("attach.out");
      Process terminal = onTerminal(stack, transcript, "attach", "console");
      try (OutputStream keys = terminal.getOutputStream()) {
        type(keys, "echo $((6*7)); stty size\r");
        awaitTranscript(transcript, "30 100");
        type(keys, "\u0010\u0011");
        assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).as(read(transcript)).isTrue();
      } finally {
        terminal.destroyForcibly();
      }

      assertThat(terminal.exitValue()).as(read(transcript)).isZero();
      assertThat(read(transcript)).contains("42\r\n");
      assertThat(stack.psEntry(stack.containerName("console", 1)).get("State"))
          .isEqualTo("running");
    }
  }

  /**
   * Starts {@code jcompose <args>} on a pseudo-terminal of 30 rows by 100 columns (script(1)), as a
   * process through the launcher; what the terminal shows goes to {@code transcript}.
   */
  private Process onTerminal(Stack stack, Path transcript, String... args) throws Exception {
    var command =
        new java.util.ArrayList<>(
            List.of(
                "bash",
                LAUNCHER.toString(),
                "--project-name",
                stack.projectName(),
                "--file",
                stack.directory().resolve("compose.yaml").toString(),
                "--progress",
                "plain"));
    command.addAll(List.of(args));
    var builder =
        new ProcessBuilder(
                "script",
                "-qec",
                "stty rows 30 cols 100; exec " + String.join(" ", command),
                "/dev/null")
            .directory(stack.directory().toFile())
            .redirectOutput(transcript.toFile())
            .redirectError(output.resolve(transcript.getFileName() + ".err").toFile());
    builder.environment().putAll(stack.target().clientEnvironment());
    builder.environment().remove("JCOMPOSE_JAVA_OPTS");
    return builder.start();
  }

  private static void type(OutputStream keys, String text) throws Exception {
    keys.write(text.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  private static void awaitTranscript(Path transcript, String text) throws Exception {
    Await.until(
        "the terminal to show " + text,
        Stack.COMMAND_TIMEOUT,
        () -> read(transcript),
        seen -> seen.contains(text));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
