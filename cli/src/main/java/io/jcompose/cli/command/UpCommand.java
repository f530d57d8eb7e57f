package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.UserException;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.UpOptions;
import io.jcompose.planner.reconcile.ReconcileOptions;
import io.jcompose.planner.reconcile.RecreatePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jcompose up} and {@code jcompose create}: pull and build what is missing, create or
 * recreate what diverged, start (unless {@code create} or {@code --no-start}), then either return
 * ({@code -d}, {@code --wait}) or attach to the services' logs until they stop.
 */
public final class UpCommand {

  static final Option DETACH = Option.flag("Run containers in the background.", "-d", "--detach");
  static final Option WAIT =
      Option.flag("Wait for services to be running|healthy; implies --detach.", "--wait");
  static final Option WAIT_TIMEOUT =
      Option.value("SECONDS", "The longest any wait may take.", "--wait-timeout");
  static final Option BUILD = Option.flag("Build images before starting.", "--build");
  static final Option NO_BUILD =
      Option.flag("Don't build an image, even if it's missing.", "--no-build");
  static final Option PULL =
      Option.value("POLICY", "Pull images before running: always, missing, never, build.", "--pull")
          .withAllowedValues(List.of("always", "missing", "never", "build"));
  static final Option QUIET_PULL = Option.flag("Pull without printing progress.", "--quiet-pull");
  static final Option FORCE_RECREATE =
      Option.flag("Recreate containers even if nothing changed.", "--force-recreate");
  static final Option NO_RECREATE =
      Option.flag("Don't recreate containers that exist.", "--no-recreate");
  static final Option ALWAYS_RECREATE_DEPS =
      Option.flag("Recreate dependent containers.", "--always-recreate-deps");
  static final Option NO_DEPS = Option.flag("Don't start linked services.", "--no-deps");
  static final Option SCALE =
      Option.value("SERVICE=N", "Scale SERVICE to N instances; repeatable.", "--scale")
          .asRepeatable();
  static final Option REMOVE_ORPHANS =
      Option.flag("Remove containers of services not in the compose file.", "--remove-orphans");
  static final Option TIMEOUT =
      Option.value(
          "SECONDS", "Shutdown timeout for containers that are stopped.", "-t", "--timeout");
  static final Option NO_START =
      Option.flag("Don't start the services after creating them.", "--no-start");
  static final Option ABORT_ON_EXIT =
      Option.flag("Stop all containers if any container stops.", "--abort-on-container-exit");
  static final Option ABORT_ON_FAILURE =
      Option.flag(
          "Stop all containers if any container exits with a failure.",
          "--abort-on-container-failure");
  static final Option EXIT_CODE_FROM =
      Option.value(
          "SERVICE",
          "Return the exit code of SERVICE's container; implies --abort-on-container-exit.",
          "--exit-code-from");
  static final Option ATTACH =
      Option.value("SERVICE", "Attach to this service's output; repeatable.", "--attach")
          .asRepeatable();
  static final Option NO_ATTACH =
      Option.value("SERVICE", "Don't attach to this service's output; repeatable.", "--no-attach")
          .asRepeatable();
  static final Option ATTACH_DEPENDENCIES =
      Option.flag("Attach to the output of dependencies too.", "--attach-dependencies");
  static final Option TIMESTAMPS = Option.flag("Show timestamps.", "--timestamps");
  static final Option NO_COLOR = Option.flag("Produce monochrome output.", "--no-color");
  static final Option NO_LOG_PREFIX =
      Option.flag("Don't print a prefix in logs.", "--no-log-prefix");
  static final Option YES = Option.flag("Assume yes to prompts.", "-y", "--yes");

  static final Positional SERVICES =
      Positional.any("SERVICE", "Only these services (and their dependencies).");

  /** {@code up}'s line. */
  public static final Verb VERB =
      new Verb(
          "up",
          "Create and start containers.",
          List.of(
              Option.help(),
              DETACH,
              WAIT,
              WAIT_TIMEOUT,
              BUILD,
              NO_BUILD,
              PULL,
              QUIET_PULL,
              FORCE_RECREATE,
              NO_RECREATE,
              ALWAYS_RECREATE_DEPS,
              NO_DEPS,
              SCALE,
              REMOVE_ORPHANS,
              TIMEOUT,
              NO_START,
              ABORT_ON_EXIT,
              ABORT_ON_FAILURE,
              EXIT_CODE_FROM,
              ATTACH,
              NO_ATTACH,
              ATTACH_DEPENDENCIES,
              TIMESTAMPS,
              NO_COLOR,
              NO_LOG_PREFIX,
              YES),
          List.of(SERVICES));

  /** {@code create}'s line. */
  public static final Verb CREATE_VERB =
      new Verb(
          "create",
          "Create containers for services without starting them.",
          List.of(
              Option.help(),
              BUILD,
              NO_BUILD,
              PULL,
              QUIET_PULL,
              FORCE_RECREATE,
              NO_RECREATE,
              REMOVE_ORPHANS,
              SCALE,
              YES),
          List.of(SERVICES));

  private final JcomposeCommand global;
  private final Values line;
  private final boolean createOnly;

  public UpCommand(JcomposeCommand global, Values line, boolean createOnly) {
    this.global = global;
    this.line = line;
    this.createOnly = createOnly;
  }

  public int call() throws InterruptedException {
    checkCombinations();
    UpOptions options = options();
    try (ProjectSession session = ProjectSession.open(global, false)) {
      if (line.has(QUIET_PULL)) {
        session.quietPulls();
      }
      if (global.dryRun()) {
        global.context().out().print(session.compose().planUp(session.project(), options).text());
        return ExitCode.OK;
      }
      if (createOnly || line.has(DETACH) || line.has(WAIT) || line.has(NO_START)) {
        session.compose().up(session.project(), options);
        return ExitCode.OK;
      }
      try (var attach = new Attach(session, attachSettings(options))) {
        attach.start();
        session.compose().up(session.project(), options);
        session.finishProgress();
        return attach.await();
      }
    }
  }

  private Attach.Settings attachSettings(UpOptions options) {
    Optional<String> exitCodeFrom = line.value(EXIT_CODE_FROM);
    return new Attach.Settings(
        options.reconcile().services(),
        !line.has(NO_DEPS) && line.has(ATTACH_DEPENDENCIES),
        Set.copyOf(line.values(ATTACH)),
        Set.copyOf(line.values(NO_ATTACH)),
        line.has(ABORT_ON_EXIT) || exitCodeFrom.isPresent(),
        line.has(ABORT_ON_FAILURE),
        exitCodeFrom,
        CommandValues.seconds(line, TIMEOUT),
        line.has(TIMESTAMPS),
        !line.has(NO_COLOR) && LogColors.enabled(global),
        !line.has(NO_LOG_PREFIX));
  }

  private UpOptions options() {
    RecreatePolicy targeted = RecreatePolicy.DIVERGED;
    RecreatePolicy dependencies = RecreatePolicy.DIVERGED;
    if (line.has(FORCE_RECREATE)) {
      targeted = RecreatePolicy.FORCE;
    }
    if (line.has(NO_RECREATE)) {
      targeted = RecreatePolicy.NEVER;
      dependencies = RecreatePolicy.NEVER;
    }
    if (line.has(ALWAYS_RECREATE_DEPS)) {
      dependencies = RecreatePolicy.FORCE;
    }
    var reconcile =
        new ReconcileOptions(
            CommandValues.services(line),
            line.has(NO_DEPS),
            targeted,
            dependencies,
            CommandValues.scale(line, SCALE),
            createOnly || line.has(NO_START),
            line.has(REMOVE_ORPHANS),
            CommandValues.seconds(line, TIMEOUT),
            new ReconcileOptions.ImageOptions(
                line.value(PULL), line.has(BUILD), line.has(NO_BUILD)));
    Optional<Duration> waitTimeout = CommandValues.seconds(line, WAIT_TIMEOUT);
    return new UpOptions(reconcile, line.has(WAIT), waitTimeout);
  }

  private void checkCombinations() {
    exclusive(BUILD, NO_BUILD);
    exclusive(FORCE_RECREATE, NO_RECREATE);
    exclusive(ALWAYS_RECREATE_DEPS, NO_RECREATE);
    exclusive(DETACH, ABORT_ON_EXIT);
    exclusive(DETACH, ABORT_ON_FAILURE);
    exclusive(DETACH, EXIT_CODE_FROM);
    exclusive(WAIT, ABORT_ON_EXIT);
    exclusive(WAIT, ABORT_ON_FAILURE);
    exclusive(WAIT, EXIT_CODE_FROM);
    exclusive(ABORT_ON_EXIT, ABORT_ON_FAILURE);
    exclusive(EXIT_CODE_FROM, ABORT_ON_FAILURE);
  }

  private void exclusive(Option one, Option other) {
    if (line.has(one) && line.has(other)) {
      throw new UserException(
          one.names().get(one.names().size() - 1)
              + " and "
              + other.names().get(other.names().size() - 1)
              + " cannot be combined",
          ExitCode.USAGE,
          null);
    }
  }
}
