package io.jcompose.cli;

import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** Runs jcompose in-process with captured streams, for tests. */
public final class Cli {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Map<String, String> environment;
  private final Path workingDirectory;
  private final String stdin;
  private final Function<LoadOptions, LoadResult> loader;
  private LoadOptions lastOptions;
  private RuntimeConnector connector;

  public Cli(
      Path workingDirectory,
      Map<String, String> environment,
      String stdin,
      Function<LoadOptions, LoadResult> loader) {
    this.workingDirectory = workingDirectory;
    this.environment = environment;
    this.stdin = stdin;
    this.loader = loader;
  }

  public static Cli in(Path workingDirectory, Function<LoadOptions, LoadResult> loader) {
    return new Cli(workingDirectory, Map.of(), "", loader);
  }

  /** Connects every verb to {@code runtime} instead of a real endpoint. */
  public Cli on(io.jcompose.planner.spi.ContainerRuntime runtime) {
    this.connector =
        global ->
            new RuntimeConnector.Connection() {
              @Override
              public io.jcompose.planner.spi.ContainerRuntime runtime() {
                return runtime;
              }

              @Override
              public String description() {
                return "in-memory";
              }

              @Override
              public void close() {}
            };
    return this;
  }

  /** Forgets what earlier runs printed. */
  public void clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }

  public int run(String... args) {
    var base =
        new CliContext(
            environment,
            workingDirectory,
            () -> stdin,
            new PrintWriter(out),
            new PrintWriter(err),
            options -> {
              lastOptions = options;
              return loader.apply(options);
            });
    CliContext context = connector == null ? base : base.withConnector(connector);
    return Main.run(args, context);
  }

  public String out() {
    return out.toString();
  }

  public String err() {
    return err.toString();
  }

  /** The options the last run passed to the loader. */
  public LoadOptions lastOptions() {
    return lastOptions;
  }
}
