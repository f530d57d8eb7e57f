package io.jcompose.planner.wait;

import java.io.IOException;
import java.time.Duration;

/**
 * Opens the connections of the tcp and http readiness checks. {@link #SOCKETS} uses real sockets;
 * tests use it too, against servers on loopback.
 */
public interface Prober {

  Prober SOCKETS = new SocketProber();

  /**
   * Opens a TCP connection and closes it.
   *
   * @throws IOException why it did not connect ({@code Connection refused})
   */
  void connect(String host, int port, Duration timeout) throws IOException;

  /**
   * Sends {@code GET path} and reads the answer's status line.
   *
   * @return the status code answered
   * @throws IOException when it did not connect or no HTTP answer came back
   */
  int get(String host, int port, String path, Duration timeout) throws IOException;
}
