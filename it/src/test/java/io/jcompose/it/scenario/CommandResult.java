package io.jcompose.it.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What a command printed and returned: jcompose in-process, or a client run as a subprocess. */
record CommandResult(int exitCode, String out, String err) {

  /**
   * Runs {@code command} in {@code directory} with {@code environment} set over this JVM's (whose
   * DOCKER_HOST points at another endpoint, so every caller sets its own).
   */
  static CommandResult run(
      List<String> command, Path directory, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    var builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("jcs-out", ".txt");
    Path err = Files.createTempFile("jcs-err", ".txt");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(command + " did not finish within " + timeout);
      }
      return new CommandResult(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** This result, after checking that the command succeeded. */
  CommandResult ok() {
    if (exitCode != 0) {
      throw new AssertionError("expected exit code 0, got " + this);
    }
    return this;
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
  }
}
