package io.jcompose.planner.wait;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** {@link Prober} over plain sockets: an HTTP/1.1 GET that only reads the status line. */
final class SocketProber implements Prober {

  private static final int STATUS_LINE_LIMIT = 1024;

  @Override
  public void connect(String host, int port, Duration timeout) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), millis(timeout));
    }
  }

  @Override
  public int get(String host, int port, String path, Duration timeout) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), millis(timeout));
      socket.setSoTimeout(millis(timeout));
      String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + hostHeader
                  + "\r\nUser-Agent: jcompose\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return status(statusLine(socket.getInputStream()));
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    var line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      if (line.size() >= STATUS_LINE_LIMIT) {
        break;
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII).trim();
  }

  /** The code of {@code HTTP/1.1 200 OK}. */
  private static int status(String statusLine) throws IOException {
    String[] parts = statusLine.split(" ", 3);
    if (parts.length >= 2 && parts[0].startsWith("HTTP/") && parts[1].matches("\\d{3}")) {
      return Integer.parseInt(parts[1]);
    }
    throw new IOException(
        statusLine.isEmpty()
            ? "closed without an HTTP answer"
            : "not an HTTP answer: \"" + statusLine + "\"");
  }

  private static int millis(Duration timeout) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
  }
}
