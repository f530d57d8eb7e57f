package io.jcompose.cli.command;

import io.jcompose.adapter.ContainerStreams;
import io.jcompose.cli.CliContext;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.ProjectRequest;
import io.jcompose.cli.RuntimeConnector;
import io.jcompose.cli.UserException;
import io.jcompose.cli.render.DiagnosticReport;
import io.jcompose.model.load.LoadOptions;
import io.jcompose.model.load.LoadOptions.Stages;
import io.jcompose.model.load.LoadResult;
import io.jcompose.model.project.Project;
import io.jcompose.planner.Compose;
import io.jcompose.planner.event.EventSink;
import io.jcompose.planner.execute.ExecutionSettings;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.wait.ProbeSettings;
import io.jcompose.planner.wait.Prober;
import io.jcompose.schema.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What a project verb works with: the loaded project, an open runtime, the progress renderer, the
 * planner on one owned executor. Closing it stops the renderer, the executor and the connection.
 */
final class ProjectSession implements AutoCloseable {

  /**
   * How often dependency waits look at a dependency: an inspect on a local socket costs about a
   * millisecond, and a chain of {@code service_healthy} dependencies pays the poll latency once per
   * link (with the planner's 500 ms default a 10-service chain took 3.6 s longer than
   * docker-compose's, bench/compose-updown.sh).
   */
  private static final java.time.Duration WAIT_POLL_INTERVAL = java.time.Duration.ofMillis(100);

  private final JcomposeCommand global;
  private final Project project;
  private final boolean fromLabelsOnly;
  private final RuntimeConnector.Connection connection;
  private final ExecutorService executor;
  private final Progress progress;
  private final Compose compose;

  private ProjectSession(
      JcomposeCommand global,
      Project project,
      boolean fromLabelsOnly,
      RuntimeConnector.Connection connection,
      Progress progress) {
    this.global = global;
    this.project = project;
    this.fromLabelsOnly = fromLabelsOnly;
    this.connection = connection;
    this.progress = progress;
    this.executor = Executors.newCachedThreadPool(new DaemonThreads("jcompose-plan"));
    int parallel = global.parallel();
    this.compose =
        new Compose(
            connection.runtime(),
            executor,
            new Compose.Settings(
                parallel < 1 ? ExecutionSettings.UNLIMITED : parallel,
                java.time.Clock.systemUTC(),
                io.jcompose.planner.wait.Sleeper.REAL,
                WAIT_POLL_INTERVAL,
                new ProbeSettings(Prober.SOCKETS, connection.publishedHost())),
            progress);
  }

  /**
   * Loads the project (exit 3 when it is invalid) and connects (exit 4 when no endpoint answers).
   *
   * @param labelsAreEnough the verb works on a project known only by name ({@code -p NAME} or
   *     COMPOSE_PROJECT_NAME without a compose file), as {@code ps}, {@code logs}, {@code down}
   */
  static ProjectSession open(JcomposeCommand global, boolean labelsAreEnough)
      throws InterruptedException {
    CliContext context = global.context();
    LoadOptions options = ProjectRequest.options(global, Stages.ALL);
    LoadResult result = context.loader().apply(options);
    Project project;
    boolean fromLabels = false;
    if (result.isValid() && result.project().isPresent()) {
      DiagnosticReport.print(result.warnings(), context.err());
      project = result.project().get();
    } else {
      Optional<String> name =
          global
              .projectName()
              .or(() -> Optional.ofNullable(context.environment().get("COMPOSE_PROJECT_NAME")));
      if (labelsAreEnough && name.isPresent() && noFileFound(result)) {
        project = new Project(name.get(), context.workingDirectory(), List.<Path>of());
        fromLabels = true;
      } else {
        DiagnosticReport.print(result.diagnostics(), context.err());
        context.err().println(DiagnosticReport.invalidSummary(result.diagnostics()));
        throw new UserException.Reported(ExitCode.INVALID_PROJECT);
      }
    }
    Progress progress = Progress.create(global);
    RuntimeConnector.Connection connection;
    try {
      connection = context.connector().connect(global);
    } catch (RuntimeException | InterruptedException e) {
      progress.close();
      throw e;
    }
    return new ProjectSession(global, project, fromLabels, connection, progress);
  }

  private static boolean noFileFound(LoadResult result) {
    for (Diagnostic diagnostic : result.errors()) {
      if (diagnostic.message().startsWith("no configuration file provided")) {
        return true;
      }
    }
    return false;
  }

  JcomposeCommand global() {
    return global;
  }

  Project project() {
    return project;
  }

  /** The project was named on the command line only; no compose file was loaded. */
  boolean fromLabelsOnly() {
    return fromLabelsOnly;
  }

  ContainerRuntime runtime() {
    return connection.runtime();
  }

  /** The endpoint's tools beyond the SPI ({@code cp}, {@code top}, {@code stats} ...). */
  io.jcompose.adapter.tools.ContainerTools tools() {
    return connection.tools();
  }

  /** Exec and attach with standard input ({@code exec}, {@code run}, {@code attach}). */
  ContainerStreams streams() {
    return connection.streams();
  }

  Compose compose() {
    return compose;
  }

  EventSink events() {
    return progress;
  }

  /** {@code --quiet-pull}. */
  void quietPulls() {
    progress.quietPulls();
  }

  /** {@code pull -q}, {@code push -q}, {@code build -q}: no progress, warnings still shown. */
  void quietProgress() {
    progress.quiet();
  }

  /** Draws the progress's last frame so that what follows (logs, tables) starts on its own. */
  void finishProgress() {
    progress.finish();
  }

  @Override
  public void close() {
    progress.close();
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
