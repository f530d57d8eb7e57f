package io.jcompose.cli;

import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadResult;
import io.jcompose.model.load.ProjectLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a command may touch outside itself: the environment, the current directory, the standard
 * streams and the loader. Tests pass their own; {@link #system()} is the real process.
 *
 * @param environment the process environment
 * @param workingDirectory the current directory, absolute
 * @param stdin the whole of standard input, read on demand
 * @param out standard output
 * @param err standard error
 * @param loader loads a project (the model's {@link ProjectLoader} outside tests)
 * @param connector opens the container runtime the global options name (the real endpoints outside
 *     tests)
 * @param terminal whether standard output and error are terminals (live progress, colors)
 * @param streams the standard streams as bytes, for the verbs that relay a container's
 */
public record CliContext(
    Map<String, String> environment,
    Path workingDirectory,
    Supplier<String> stdin,
    PrintWriter out,
    PrintWriter err,
    Function<LoadOptions, LoadResult> loader,
    RuntimeConnector connector,
    boolean terminal,
    StandardStreams streams) {

  /** A context on the real endpoints, not on a terminal. */
  public CliContext(
      Map<String, String> environment,
      Path workingDirectory,
      Supplier<String> stdin,
      PrintWriter out,
      PrintWriter err,
      Function<LoadOptions, LoadResult> loader) {
    this(
        environment,
        workingDirectory,
        stdin,
        out,
        err,
        loader,
        new io.jcompose.cli.endpoint.EndpointConnector(),
        false);
  }

  /** A context whose byte streams are its text streams ({@link StandardStreams#over}). */
  public CliContext(
      Map<String, String> environment,
      Path workingDirectory,
      Supplier<String> stdin,
      PrintWriter out,
      PrintWriter err,
      Function<LoadOptions, LoadResult> loader,
      RuntimeConnector connector,
      boolean terminal) {
    this(
        environment,
        workingDirectory,
        stdin,
        out,
        err,
        loader,
        connector,
        terminal,
        StandardStreams.over(stdin, out, err));
  }

  public CliContext {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(streams, "streams");
  }

  /** This context with another runtime connector (tests connect to what they started). */
  public CliContext withConnector(RuntimeConnector newConnector) {
    return new CliContext(
        environment, workingDirectory, stdin, out, err, loader, newConnector, terminal, streams);
  }

  /** The real process: System.getenv(), the user's directory, System.in/out/err. */
  public static CliContext system() {
    return new CliContext(
        System.getenv(),
        Path.of("").toAbsolutePath(),
        new StandardInput(),
        new PrintWriter(System.out, false, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        new ModelLoader(),
        new io.jcompose.cli.endpoint.EndpointConnector(),
        System.console() != null,
        StandardStreams.system());
  }

  /** Reads all of System.in (a nested class, not a method reference: see {@link Main}). */
  private static final class StandardInput implements Supplier<String> {
    @Override
    public String get() {
      return readStdin();
    }
  }

  /** The model's loader (a nested class, not a method reference: see {@link Main}). */
  private static final class ModelLoader implements Function<LoadOptions, LoadResult> {
    @Override
    public LoadResult apply(LoadOptions options) {
      return ProjectLoader.load(options);
    }
  }

  private static String readStdin() {
    try {
      return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input", e);
    }
  }
}
