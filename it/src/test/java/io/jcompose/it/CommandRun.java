package io.jcompose.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What a command the tests ran printed and returned. */
record CommandRun(int exitCode, String out, String err) {

  /**
   * Runs {@code command} in {@code directory} (where its output is kept) with {@code environment}
   * added to this JVM's; a null value removes a variable.
   */
  static CommandRun run(
      List<String> command, Path directory, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().remove("JCOMPOSE_JAVA_OPTS");
    environment.forEach(
        (name, value) -> {
          if (value == null) {
            builder.environment().remove(name);
          } else {
            builder.environment().put(name, value);
          }
        });
    Path out = Files.createTempFile(directory, "out", ".txt");
    Path err = Files.createTempFile(directory, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish within " + timeout);
    }
    return new CommandRun(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
  }
}
