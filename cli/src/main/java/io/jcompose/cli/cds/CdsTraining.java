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
 * then {@code ps}, {@code up --dry-run} and {@code down --dry-run} against {@link TrainingDaemon},
 * a canned Docker API on a temporary socket (the build has no daemon to talk to). Measured with a
 * real dockerd: {@code jcompose ps} 610 ms before, about 320 ms after.
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
    } finally {
      Files.deleteIfExists(socket);
      Files.deleteIfExists(directory);
    }
    System.exit(0);
  }

  private static void run(List<String> args) {
    CliContext system = CliContext.system();
    var context =
        new CliContext(
            system.environment(),
            system.workingDirectory(),
            system.stdin(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()),
            system.loader(),
            system.connector(),
            false);
    Main.run(args.toArray(String[]::new), context);
  }
}
