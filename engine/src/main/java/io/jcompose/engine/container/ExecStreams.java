package io.jcompose.engine.container;

import io.jcompose.engine.http.HijackedConnection;
import io.jcompose.engine.http.MultiplexedStream;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.runtime.ExecSession;
import io.jcompose.engine.runtime.TerminalSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Relays an exec's stdio over a hijacked connection while it runs ({@code docker exec -i}, {@code
 * -it}): the client's bytes become its stdin (the client's half-close closes it), its output goes
 * out as it comes (raw with a terminal, framed without). The exit code is recorded before the
 * connection closes; a client that hangs up kills the exec.
 */
final class ExecStreams {

  /** What an exec cut short by its client's hang-up reports. */
  private static final int KILLED = 137;

  private final ContainerService containers;
  private final ContainerExecs.ExecView exec;
  private final Optional<TerminalSize> size;

  /**
   * @param size the client's terminal ({@code ConsoleSize}), for the exec's terminal
   */
  ExecStreams(
      ContainerService containers, ContainerExecs.ExecView exec, Optional<TerminalSize> size) {
    this.containers = containers;
    this.exec = exec;
    this.size = size;
  }

  void run(HijackedConnection connection, Request request)
      throws IOException, InterruptedException {
    ExecSession session = containers.startExec(exec, size);
    request.whenClientGone(() -> killQuietly(session));
    boolean ended = false;
    try {
      relay(connection, session);
      containers.execEnded(exec, session.awaitExit());
      ended = true;
    } finally {
      if (!ended) {
        killQuietly(session);
        containers.execEnded(exec, KILLED);
      }
    }
  }

  private void relay(HijackedConnection connection, ExecSession session)
      throws IOException, InterruptedException {
    Thread input =
        containers.parts().threads().newThread(() -> relayStdin(connection.input(), session));
    input.start();
    OutputStream out = connection.output();
    if (session.terminal()) {
      session.stdout().transferTo(out);
      return;
    }
    var frames = new MultiplexedStream(out);
    Thread errors =
        containers
            .parts()
            .threads()
            .newThread(() -> relayQuietly(session.stderr(), frames, MultiplexedStream.Kind.STDERR));
    errors.start();
    relayFramed(session.stdout(), frames, MultiplexedStream.Kind.STDOUT);
    errors.join();
  }

  private void relayStdin(InputStream client, ExecSession session) {
    try (OutputStream stdin = session.stdin()) {
      byte[] buffer = new byte[8192];
      int count;
      while ((count = client.read(buffer)) >= 0) {
        stdin.write(buffer, 0, count);
        stdin.flush();
      }
    } catch (IOException e) {
      // the exec ended, or the client went: its stdin is closed either way
    }
  }

  private static void relayQuietly(
      InputStream output, MultiplexedStream frames, MultiplexedStream.Kind kind) {
    try {
      relayFramed(output, frames, kind);
    } catch (IOException e) {
      // the client went; the exec is killed by the hang-up
    }
  }

  /**
   * Copies a stream of the exec out as frames of {@code kind}, (the stream writes one frame at a
   * time).
   */
  private static void relayFramed(
      InputStream output, MultiplexedStream frames, MultiplexedStream.Kind kind)
      throws IOException {
    byte[] buffer = new byte[8192];
    int count;
    while ((count = output.read(buffer)) >= 0) {
      frames.write(kind, buffer, 0, count);
    }
  }

  private static void killQuietly(ExecSession session) {
    try {
      session.kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
