package io.jcompose.adapter;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a Docker API answers on a unix socket: {@code GET /_ping} must get a {@code 200} within
 * the timeout. Plain JDK channels, so the probe costs no client set-up.
 */
public final class SocketProbe {

  private static final byte[] PING =
      "GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII);

  private SocketProbe() {}

  /** Whether {@code GET /_ping} on the socket gets a 200 within the timeout. */
  public static boolean answers(Path socket, Duration timeout) {
    return whyNotAnswering(socket, timeout).isEmpty();
  }

  /**
   * @return empty when the socket answered, else why not (for messages)
   */
  static Optional<String> whyNotAnswering(Path socket, Duration timeout) {
    if (!Files.exists(socket)) {
      return Optional.of(socket + " does not exist");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      channel.configureBlocking(false);
      ByteBuffer request = ByteBuffer.wrap(PING);
      while (request.hasRemaining()) {
        channel.write(request);
      }
      channel.register(selector, SelectionKey.OP_READ);
      ByteBuffer answer = ByteBuffer.allocate(64);
      while (answer.position() < 12) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0 || selector.select(left) == 0) {
          return Optional.of(socket + " did not answer within " + timeout.toMillis() + " ms");
        }
        selector.selectedKeys().clear();
        if (channel.read(answer) < 0) {
          break;
        }
      }
      String statusLine =
          new String(answer.array(), 0, answer.position(), StandardCharsets.US_ASCII);
      return statusLine.startsWith("HTTP/1.1 200") || statusLine.startsWith("HTTP/1.0 200")
          ? Optional.empty()
          : Optional.of(
              socket
                  + " answered /_ping with \""
                  + statusLine.lines().findFirst().orElse("")
                  + "\"");
    } catch (IOException | RuntimeException failure) {
      return Optional.of(socket + ": " + failure.getMessage());
    }
  }
}
