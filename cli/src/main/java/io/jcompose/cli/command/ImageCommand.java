package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.reconcile.BuildOptions;
import io.jcompose.planner.reconcile.PullOptions;
import io.jcompose.planner.reconcile.ReconcileOptions;
import io.jcompose.planner.reconcile.Reconciliation;
import java.util.List;

/**
 * {@code jcompose pull} (the services' images, in parallel up to {@code --parallel}) and {@code
 * jcompose build} (the services with a build section, through the endpoint's classic builder).
 */
public final class ImageCommand {

  static final Positional SERVICES = Positional.any("SERVICE", "Only these services.");
  static final Option IGNORE_PULL_FAILURES =
      Option.flag(
          "Pull what it can and ignore images with pull failures.", "--ignore-pull-failures");
  static final Option IGNORE_BUILDABLE =
      Option.flag("Ignore images that can be built.", "--ignore-buildable");
  static final Option INCLUDE_DEPS =
      Option.flag("Also pull services declared as dependencies.", "--include-deps");
  static final Option POLICY =
      Option.value("POLICY", "Apply pull policy: missing or always.", "--policy")
          .withAllowedValues(List.of("missing", "always"));
  static final Option QUIET =
      Option.flag("Pull without printing progress information.", "-q", "--quiet");
  static final Option BUILD_ARG =
      Option.value("KEY=VALUE", "Set a build-time variable; repeatable.", "--build-arg")
          .asRepeatable();
  static final Option NO_CACHE =
      Option.flag("Do not use cache when building the image.", "--no-cache");
  static final Option PULL =
      Option.flag("Always attempt to pull a newer version of the image.", "--pull");
  static final Option BUILD_QUIET =
      Option.flag("Don't print anything to standard output.", "-q", "--quiet");
  static final Option WITH_DEPENDENCIES =
      Option.flag("Also build dependencies (transitively).", "--with-dependencies");

  public static final Verb PULL_VERB =
      new Verb(
          "pull",
          "Pull service images.",
          List.of(
              Option.help(), IGNORE_PULL_FAILURES, IGNORE_BUILDABLE, INCLUDE_DEPS, POLICY, QUIET),
          List.of(SERVICES));
  public static final Verb BUILD_VERB =
      new Verb(
          "build",
          "Build or rebuild services.",
          List.of(Option.help(), BUILD_ARG, NO_CACHE, PULL, BUILD_QUIET, WITH_DEPENDENCIES),
          List.of(SERVICES));

  private final JcomposeCommand global;
  private final Values line;
  private final boolean pull;

  public ImageCommand(JcomposeCommand global, Values line, boolean pull) {
    this.global = global;
    this.line = line;
    this.pull = pull;
  }

  public int call() throws InterruptedException {
    try (ProjectSession session = ProjectSession.open(global, false)) {
      return pull ? pull(session) : build(session);
    }
  }

  private int pull(ProjectSession session) throws InterruptedException {
    ReconcileOptions options =
        ReconcileOptions.defaults()
            .withServices(CommandValues.services(line))
            .withNoDeps(!line.has(INCLUDE_DEPS));
    var pullOptions =
        new PullOptions(
            line.value(POLICY), line.has(IGNORE_BUILDABLE), line.has(IGNORE_PULL_FAILURES));
    if (global.dryRun()) {
      Reconciliation plan = session.compose().planPull(session.project(), options, pullOptions);
      global.context().out().print(plan.text());
      return ExitCode.OK;
    }
    if (line.has(QUIET)) {
      session.quietProgress();
    }
    session.compose().pull(session.project(), options, pullOptions);
    return ExitCode.OK;
  }

  private int build(ProjectSession session) throws InterruptedException {
    ReconcileOptions options =
        ReconcileOptions.defaults()
            .withServices(CommandValues.services(line))
            .withNoDeps(!line.has(WITH_DEPENDENCIES));
    var overrides =
        new BuildOptions(
            CommandValues.pairs(line, BUILD_ARG, key -> global.context().environment().get(key)),
            line.has(NO_CACHE),
            line.has(PULL));
    if (global.dryRun()) {
      global
          .context()
          .out()
          .print(session.compose().planBuild(session.project(), options, overrides).text());
      return ExitCode.OK;
    }
    if (line.has(BUILD_QUIET)) {
      session.quietProgress();
    }
    session.compose().build(session.project(), options, overrides);
    return ExitCode.OK;
  }
}
