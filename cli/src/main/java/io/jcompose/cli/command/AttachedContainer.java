package io.jcompose.cli.command;

import io.jcompose.adapter.StreamConnection;
import io.jcompose.cli.interactive.DetachKeys;
import io.jcompose.cli.interactive.SignalProxy;
import io.jcompose.cli.interactive.StreamRelay;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A container's attach connection relayed to jcompose's standard streams ({@code attach}, {@code
 * run}): on the terminal in raw mode with the container's TTY resized along, or with jcompose's
 * signals forwarded to the container.
 */
final class AttachedContainer {

  private final ProjectSession session;
  private final String containerId;
  private final StreamConnection connection;

  AttachedContainer(ProjectSession session, String containerId, StreamConnection connection) {
    this.session = session;
    this.containerId = containerId;
    this.connection = connection;
  }

  /**
   * Relays until the container's output ends or the user detaches; closes the connection.
   *
   * @param terminal put the user's terminal in raw mode and resize the container's TTY with it
   * @param signalProxy forward SIGINT and SIGTERM to the container
   */
  StreamRelay.Ending relay(
      boolean stdin, boolean terminal, boolean signalProxy, Optional<DetachKeys> detachKeys)
      throws IOException, InterruptedException {
    session.global().context().out().flush();
    ExecutorService stdinThread =
        Executors.newSingleThreadExecutor(new DaemonThreads("jcompose-stdin"));
    try (connection;
        SignalProxy signals = signalProxy ? SignalProxy.install(this::forward) : null) {
      var relay = new StreamRelay(connection, session.global().context().streams(), detachKeys);
      if (terminal) {
        return relay.runOnTerminal(
            stdin, stdinThread, size -> session.streams().resizeContainer(containerId, size));
      }
      return relay.run(stdin, stdinThread);
    } finally {
      stdinThread.shutdownNow();
    }
  }

  private void forward(String signal) {
    try {
      session.runtime().killContainer(containerId, signal);
    } catch (RuntimeFault stoppedMeanwhile) {
      // the container is gone or stopped: its output ends and so does the relay
    }
  }
}
