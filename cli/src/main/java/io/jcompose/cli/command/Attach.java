package io.jcompose.cli.command;

import io.jcompose.cli.ExitCode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Attached {@code up}: follows the services' logs until they stop (filled in with the log
 * follower).
 */
final class Attach {

  record Settings(
      Set<String> services,
      boolean dependencies,
      Set<String> attach,
      Set<String> noAttach,
      boolean abortOnExit,
      boolean abortOnFailure,
      Optional<String> exitCodeFrom,
      Optional<Duration> timeout,
      boolean timestamps,
      boolean color,
      boolean prefix) {}

  private final ProjectSession session;
  private final Settings settings;

  Attach(ProjectSession session, Settings settings) {
    this.session = session;
    this.settings = settings;
  }

  int run() throws InterruptedException {
    return ExitCode.OK;
  }
}
