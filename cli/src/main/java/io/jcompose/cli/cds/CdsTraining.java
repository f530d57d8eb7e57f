package io.jcompose.cli.cds;

import io.jcompose.cli.CliContext;
import io.jcompose.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build-time only: the training run of the AppCDS archive (cli/pom.xml runs it at package time with
 * {@code -XX:DumpLoadedClassList}). It runs the start path of the common verbs, so that their
 * classes come from the archive instead of the jar: {@code config} on {@code src/cds/compose.yaml},
 * then {@code ps}, {@code up --dry-run}, {@code down --dry-run}, and a real {@code up -d} and
 * {@code run -d} of a one-service project against {@link TrainingDaemon}, a canned Docker API on a
 * temporary socket (the build has no daemon to talk to). Measured with a real dockerd: {@code
 * jcompose ps} 610 ms before, about 320 ms after.
 *
 * <p>Arguments: the compose file and the file {@code config} writes to.
 */
public final class CdsTraining {

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    String composeFile = args[0];
    String configOutput = args[1];
    run(List.of("-f", composeFile, "config", "-o", configOutput));
    Path directory = Files.createTempDirectory("jcompose-cds");
    Path socket = directory.resolve("docker.sock");
    try (TrainingDaemon daemon = TrainingDaemon.start(socket)) {
      String host = "unix://" + socket;
      run(List.of("-H", host, "-f", composeFile, "ps", "-a"));
      run(List.of("-H", host, "-f", composeFile, "ps", "--format", "json"));
      run(List.of("-H", host, "-f", composeFile, "--progress", "plain", "--dry-run", "up", "-d"));
      run(List.of("-H", host, "-f", composeFile, "--dry-run", "down", "-v"));
      run(List.of("-H", host, "-f", composeFile, "logs", "--tail", "1"));
      run(List.of("-H", host, "ls"));
      // the create/start path, which the dry runs above do not reach: a real up and a detached
      // run of a one-service project
      Path stack = directory.resolve("compose.yaml");
      Files.writeString(stack, "services:\n  app:\n    image: training:1\n    command: [sh]\n");
      run(List.of("-H", host, "-f", stack.toString(), "--progress", "plain", "up", "-d"));
      run(List.of("-H", host, "-f", stack.toString(), "run", "-d", "--no-deps", "app", "true"));
      Files.delete(stack);
    } finally {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(directory);
    }
    System.exit(0);
  }

  private static void run(List<String> args) {
    CliContext system = CliContext.system();
    var errors = new StringWriter();
    var context =
        new CliContext(
            system.environment(),
            system.workingDirectory(),
            system.stdin(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(errors),
            system.loader(),
            system.connector(),
            false);
    int exitCode = Main.run(args.toArray(String[]::new), context);
    if (Boolean.getBoolean("jcompose.cds.verbose")) {
      System.err.println(String.join(" ", args) + " -> " + exitCode + "\n" + errors);
    }
  }
}
