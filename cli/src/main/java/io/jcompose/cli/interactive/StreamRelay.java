package io.jcompose.cli.interactive;

import io.jcompose.adapter.FrameDemultiplexer;
import io.jcompose.adapter.StreamConnection;
import io.jcompose.adapter.TerminalSize;
import io.jcompose.cli.StandardStreams;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * Relays a hijacked connection to the standard streams: standard input to the connection on a
 * thread of the caller's executor (half-closed at its EOF, watched for the detach keys), the
 * connection's output to standard output and error on the calling thread, until the output ends or
 * the user detaches.
 */
public final class StreamRelay {

  /** How a relay ended. */
  public enum Ending {
    /** The process's output ended: it exited (or the daemon closed the stream). */
    OUTPUT_ENDED,
    /** The user typed the detach keys; the process keeps running. */
    DETACHED
  }

  private static final int RESIZE_ATTEMPTS = 5;

  private final StreamConnection connection;
  private final StandardStreams streams;
  private final Optional<DetachKeys> detachKeys;
  private volatile boolean detached;

  /**
   * @param detachKeys the keys that detach, when detaching is possible
   */
  public StreamRelay(
      StreamConnection connection, StandardStreams streams, Optional<DetachKeys> detachKeys) {
    this.connection = connection;
    this.streams = streams;
    this.detachKeys = detachKeys;
  }

  /**
   * Relays until the output ends or the user detaches.
   *
   * @param forwardStdin send standard input; otherwise the connection is half-closed at once
   * @param executor runs the standard-input thread (its read of a terminal cannot be interrupted,
   *     so the thread is abandoned when the relay ends)
   * @throws IOException when the output breaks off other than by a detach
   */
  public Ending run(boolean forwardStdin, ExecutorService executor) throws IOException {
    if (forwardStdin) {
      executor.execute(this::forwardStdin);
    } else {
      connection.closeInput();
    }
    try {
      if (connection.tty()) {
        copyRaw(connection.output(), streams.stdout());
      } else {
        FrameDemultiplexer.copy(connection.output(), streams.stdout(), streams.stderr());
      }
    } catch (IOException failure) {
      if (!detached) {
        throw failure;
      }
    } finally {
      streams.stdout().flush();
      streams.stderr().flush();
    }
    return detached ? Ending.DETACHED : Ending.OUTPUT_ENDED;
  }

  /**
   * Like {@link #run}, with the user's terminal in raw mode ({@link RawTerminal}) and its size sent
   * to {@code resize} at the start and at every change. A resize that fails is tried again a few
   * times at the start (an exec's process may not exist yet), later it is dropped.
   */
  public Ending runOnTerminal(
      boolean forwardStdin, ExecutorService executor, Consumer<TerminalSize> resize)
      throws IOException, InterruptedException {
    try (RawTerminal terminal = RawTerminal.enter()) {
      Optional<TerminalSize> size = RawTerminal.size();
      if (size.isPresent()) {
        initialResize(size.get(), resize);
      }
      terminal.onResize(() -> RawTerminal.size().ifPresent(changed -> tryResize(changed, resize)));
      return run(forwardStdin, executor);
    }
  }

  private static void initialResize(TerminalSize size, Consumer<TerminalSize> resize)
      throws InterruptedException {
    for (int attempt = 1; attempt <= RESIZE_ATTEMPTS; attempt++) {
      if (tryResize(size, resize)) {
        return;
      }
      Thread.sleep(10L * attempt);
    }
  }

  private static boolean tryResize(TerminalSize size, Consumer<TerminalSize> resize) {
    try {
      resize.accept(size);
      return true;
    } catch (RuntimeFault notYet) {
      return false;
    }
  }

  private void forwardStdin() {
    Optional<DetachFilter> filter = detachKeys.map(DetachFilter::new);
    byte[] buffer = new byte[4096];
    try {
      InputStream stdin = streams.stdin().get();
      OutputStream target = connection.input();
      for (int read = stdin.read(buffer); read >= 0; read = stdin.read(buffer)) {
        if (filter.isPresent()) {
          if (filter.get().forward(buffer, read, target)) {
            detached = true;
            connection.close();
            return;
          }
        } else {
          target.write(buffer, 0, read);
        }
        target.flush();
      }
      connection.closeInput();
    } catch (IOException connectionGone) {
      // the process ended (its output ends too) or standard input broke: nothing more to send
      connection.closeInput();
    }
  }

  private static void copyRaw(InputStream output, OutputStream stdout) throws IOException {
    byte[] buffer = new byte[8192];
    for (int read = output.read(buffer); read >= 0; read = output.read(buffer)) {
      stdout.write(buffer, 0, read);
      stdout.flush();
    }
  }
}
