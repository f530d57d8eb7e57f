package io.jcompose.cli.command;

import io.jcompose.adapter.AttachRequest;
import io.jcompose.adapter.ContainerStdio;
import io.jcompose.adapter.ContainerStreams;
import io.jcompose.cli.ExitCode;
import io.jcompose.cli.JcomposeCommand;
import io.jcompose.cli.UserException;
import io.jcompose.cli.interactive.DetachKeys;
import io.jcompose.cli.interactive.StreamRelay;
import io.jcompose.cli.line.Option;
import io.jcompose.cli.line.Positional;
import io.jcompose.cli.line.Values;
import io.jcompose.cli.line.Verb;
import io.jcompose.planner.spi.ContainerSummary;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code jcompose attach SERVICE}: the service container's live output on jcompose's standard
 * streams and, unless {@code --no-stdin}, the user's input to it; the detach keys leave it running.
 * jcompose exits with the container's exit code when it stops.
 */
public final class AttachCommand {

  static final Option INDEX =
      Option.value(
              "N", "Index of the container if the service has replicas (default 1).", "--index")
          .withIntegerValue();
  static final Option NO_STDIN = Option.flag("Do not attach STDIN.", "--no-stdin");
  static final Option SIG_PROXY =
      Option.value(
              "BOOL", "Proxy all received signals to the process (default true).", "--sig-proxy")
          .withAllowedValues(List.of("true", "false"))
          .withDefault("true");
  static final Option DETACH_KEYS =
      Option.value(
          "KEYS", "Override the key sequence for detaching from a container.", "--detach-keys");

  /** The verb's line. */
  public static final Verb VERB =
      new Verb(
          "attach",
          "Attach local standard input, output, and error streams to a service's running container.",
          List.of(Option.help(), INDEX, NO_STDIN, SIG_PROXY, DETACH_KEYS),
          List.of(new Positional("SERVICE", "The service.", 1, 1)));

  private final JcomposeCommand global;
  private final Values line;

  public AttachCommand(JcomposeCommand global, Values line) {
    this.global = global;
    this.line = line;
  }

  public int call() throws InterruptedException, IOException {
    if (line.positionals().size() < 1) {
      throw new UserException("attach needs a SERVICE", ExitCode.USAGE, null);
    }
    String serviceName = line.positionals().get(0);
    int index = ServiceContainer.index(line, INDEX);
    DetachKeys detachKeys = detachKeys(line, DETACH_KEYS);
    try (ProjectSession session = ProjectSession.open(global, true)) {
      session.finishProgress();
      ContainerSummary container = ServiceContainer.running(session, serviceName, index);
      ContainerStreams streams = session.streams();
      ContainerStdio stdio = streams.stdio(container.id());
      boolean stdin = !line.has(NO_STDIN) && stdio.stdinOpen();
      boolean tty = stdio.tty() && global.context().streams().terminal();
      // the keys go to the daemon only when given, as the docker CLI does: jcompose watches for
      // them
      var request =
          new AttachRequest(
              stdin, false, line.value(DETACH_KEYS).map(given -> detachKeys.text()), stdio.tty());
      var attached =
          new AttachedContainer(session, container.id(), streams.attach(container.id(), request));
      StreamRelay.Ending ending =
          attached.relay(
              stdin,
              tty,
              !stdio.tty() && line.value(SIG_PROXY).orElse("true").equals("true"),
              Optional.of(detachKeys));
      if (ending == StreamRelay.Ending.DETACHED) {
        return ExitCode.OK;
      }
      return session.runtime().waitContainer(container.id());
    }
  }

  /** {@code --detach-keys}, else docker's default. */
  static DetachKeys detachKeys(Values line, Option option) {
    try {
      return DetachKeys.parse(line.value(option).orElse(DetachKeys.DEFAULT));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCode.USAGE, e);
    }
  }
}
