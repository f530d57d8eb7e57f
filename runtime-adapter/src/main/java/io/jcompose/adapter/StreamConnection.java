package io.jcompose.adapter;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A hijacked connection of an attach or an exec start: after the daemon's {@code 101} it is a raw
 * pipe in both directions. Closing it closes the socket.
 */
public interface StreamConnection extends AutoCloseable {

  /**
   * What the daemon sends: 8-byte-header frames ({@link FrameDemultiplexer}) without a TTY, raw
   * bytes with one.
   */
  InputStream output();

  /** The process's standard input. */
  OutputStream input();

  /**
   * Half-closes the connection: the daemon reads EOF and closes the process's standard input, and
   * keeps sending output until the process ends.
   */
  void closeInput();

  /** Whether the process has a TTY (raw output) rather than multiplexed frames. */
  boolean tty();

  @Override
  void close();
}
