package io.jcompose.engine.container;

import io.jcompose.engine.api.DockerCli;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real docker CLI on a pseudo-terminal (util-linux {@code script}) of {@link #ROWS} by
 * {@link #COLUMNS}, as a user at a terminal would, typing lines into it one by one; stdin stays
 * open until the CLI ends, so script does not end the session early.
 */
final class TerminalSession {

  /** The terminal's size. */
  static final int ROWS = 30;

  static final int COLUMNS = 100;

  private static final long FIRST_LINE_DELAY_MS = 1500;
  private static final long LINE_DELAY_MS = 700;

  private TerminalSession() {}

  static DockerCli.Run run(EngineFixture engine, List<String> lines, String... args)
      throws IOException, InterruptedException {
    var argv =
        new ArrayList<>(List.of(DockerCli.DOCKER.toString(), "-H", "unix://" + engine.socket));
    argv.addAll(List.of(args));
    Path out = Files.createTempFile(engine.directory, "pty-out", ".txt");
    var builder =
        new ProcessBuilder(
                "script",
                "--quiet",
                "--return",
                "--command",
                "stty rows " + ROWS + " cols " + COLUMNS + "; exec " + quoted(argv),
                "/dev/null")
            .redirectOutput(out.toFile())
            .redirectErrorStream(true)
            .directory(engine.directory.toFile());
    builder.environment().remove("DOCKER_HOST");
    builder.environment().remove("DOCKER_CONTEXT");
    builder.environment().put("DOCKER_CONFIG", engine.directory.resolve("cli-config").toString());
    builder.environment().put("SHELL", "/bin/sh");
    Process process = builder.start();
    try (OutputStream keyboard = process.getOutputStream()) {
      TimeUnit.MILLISECONDS.sleep(FIRST_LINE_DELAY_MS);
      for (String line : lines) {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        TimeUnit.MILLISECONDS.sleep(LINE_DELAY_MS);
      }
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "docker " + String.join(" ", args) + " did not finish:\n" + Files.readString(out));
      }
    } catch (IOException e) {
      // the session ended before all lines were typed: its output tells what happened
    }
    process.waitFor();
    String output = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    return new DockerCli.Run(process.exitValue(), output, "");
  }

  private static String quoted(List<String> argv) {
    var text = new StringBuilder();
    for (String argument : argv) {
      text.append(text.length() == 0 ? "" : " ")
          .append('\'')
          .append(argument.replace("'", "'\\''"))
          .append('\'');
    }
    return text.toString();
  }
}
