package io.jcompose.engine.http;

import java.io.InputStream;
import java.io.OutputStream;

/** The two directions of a hijacked connection. */
public interface HijackedConnection {

  /**
   * What the client sends (a process's stdin). End of stream means the client shut down its writing
   * side, or never upgraded: close the process's stdin and keep sending output; it is not a
   * hang-up.
   */
  InputStream input();

  /** Raw bytes to the client, each write flushed; frame them with {@link MultiplexedStream}. */
  OutputStream output();

  /** Whether the client asked for {@code Upgrade: tcp} and got a 101. */
  boolean upgraded();
}
