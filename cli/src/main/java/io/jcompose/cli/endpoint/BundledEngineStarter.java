package io.jcompose.cli.endpoint;

import io.jcompose.adapter.SocketProbe;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the bundled engine in the background when the CLI ends up on it and nothing answers on its
 * socket: {@code jcompose engine run} from this same jar, in its own session (so a Ctrl-C in the
 * user's terminal does not reach it), its output in {@code engine.log} beside the socket.
 */
final class BundledEngineStarter {

  private static final Duration START_WAIT = Duration.ofSeconds(30);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

  private BundledEngineStarter() {}

  static void ensureRunning(Path socket, PrintWriter err) throws InterruptedException {
    if (answers(socket)) {
      return;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new UserException(
          "no Docker endpoint was found and the bundled engine is not running on unix://"
              + socket
              + "; start it as root (sudo jcompose engine run) or point DOCKER_HOST at a daemon",
          ExitCode.NO_ENDPOINT,
          null);
    }
    Path log = socket.resolveSibling("engine.log");
    try {
      Files.createDirectories(socket.getParent());
      Process process =
          new ProcessBuilder(command(socket))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      err.println(
          "jcompose: started the bundled engine on unix://" + socket + " (log: " + log + ")");
      err.flush();
      Instant deadline = Instant.now().plus(START_WAIT);
      while (Instant.now().isBefore(deadline)) {
        if (answers(socket)) {
          return;
        }
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(100);
      }
    } catch (IOException e) {
      throw new UserException(
          "cannot start the bundled engine: " + e.getMessage(), ExitCode.NO_ENDPOINT, e);
    }
    throw new UserException(
        "the bundled engine did not come up on unix://" + socket + "; see " + log,
        ExitCode.NO_ENDPOINT,
        null);
  }

  private static List<String> command(Path socket) {
    var command = new ArrayList<String>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid");
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    String options = System.getenv("JCOMPOSE_ENGINE_JAVA_OPTS");
    if (options != null && !options.isBlank()) {
      command.addAll(List.of(options.trim().split("\\s+")));
    }
    command.add("-cp");
    command.add(classPath());
    command.add("io.jcompose.cli.Main");
    command.add("-H");
    command.add("unix://" + socket);
    command.add("engine");
    command.add("run");
    return command;
  }

  /** This process's class path: the fat jar under the launcher, the module's classes in tests. */
  private static String classPath() {
    return System.getProperty("java.class.path");
  }

  private static boolean answers(Path socket) {
    return SocketProbe.answers(socket, PROBE_TIMEOUT);
  }
}
