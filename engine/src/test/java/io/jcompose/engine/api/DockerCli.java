package io.jcompose.engine.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real docker CLI against an engine socket, with a private CLI config directory. */
public final class DockerCli {

  public static final Path DOCKER = Path.of("/usr/local/bin/docker");

  /** What a docker command printed and returned. */
  public record Run(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
  }

  private final Path socket;
  private final Path workDirectory;

  public DockerCli(Path socket, Path workDirectory) {
    this.socket = socket;
    this.workDirectory = workDirectory;
  }

  public Run run(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<>(List.of(DOCKER.toString(), "-H", "unix://" + socket));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(workDirectory, "out", ".txt");
    Path err = Files.createTempFile(workDirectory, "err", ".txt");
    var builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .directory(workDirectory.toFile());
    builder.environment().remove("DOCKER_HOST");
    builder.environment().remove("DOCKER_API_VERSION");
    builder.environment().remove("DOCKER_CONTEXT");
    builder.environment().put("DOCKER_CONFIG", workDirectory.resolve("cli-config").toString());
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("docker " + String.join(" ", args) + " did not finish");
    }
    var run =
        new Run(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }
}
