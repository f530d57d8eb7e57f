package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.reconcile.ReconcileOptions;
import java.util.List;

/**
 * {@code jcompose push}: the {@code image} (and {@code build.tags}) of each selected service that
 * builds and names an image, in parallel up to {@code --parallel}; services without both are
 * skipped, as docker compose does. Credentials come from the docker CLI's {@code config.json}.
 */
public final class PushCommand {

  static final Option IGNORE_PUSH_FAILURES =
      Option.flag(
          "Push what it can and ignore images with push failures.", "--ignore-push-failures");
  static final Option INCLUDE_DEPS =
      Option.flag("Also push images of services declared as dependencies.", "--include-deps");
  static final Option QUIET =
      Option.flag("Push without printing progress information.", "-q", "--quiet");

  public static final Verb VERB =
      new Verb(
          "push",
          "Push service images.",
          List.of(Option.help(), IGNORE_PUSH_FAILURES, INCLUDE_DEPS, QUIET),
          List.of(ImageCommand.SERVICES));

  private final JcomposeCommand global;
  private final Values line;

  public PushCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException {
    try (ProjectSession session = ProjectSession.open(global, false)) {
      ReconcileOptions options =
          ReconcileOptions.defaults()
              .withServices(CommandValues.services(line))
              .withNoDeps(!line.has(INCLUDE_DEPS));
      boolean ignoreFailures = line.has(IGNORE_PUSH_FAILURES);
      if (global.dryRun()) {
        global
            .context()
            .out()
            .print(session.compose().planPush(session.project(), options, ignoreFailures).text());
        return ExitCode.OK;
      }
      if (line.has(QUIET)) {
        session.quietProgress();
      }
      session.compose().push(session.project(), options, ignoreFailures);
      return ExitCode.OK;
    }
  }
}
