package io.jcompose.adapter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A stand-in for a daemon on a unix socket that reads each request (its body too) and answers it
 * with a canned HTTP response for its path, then closes the connection: enough for discovery's ping
 * probe, for version negotiation against daemons the suite has no real copy of, and for a progress
 * stream the daemon breaks off.
 */
public final class FakeDaemon implements AutoCloseable {

  private final Path socket;
  private final ServerSocketChannel server;
  private final Thread acceptor;

  private FakeDaemon(Path socket, Map<String, String> responses) throws IOException {
    this.socket = socket;
    this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    this.acceptor = new Thread(() -> serve(responses), "fake-daemon " + socket);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * @param responses path ({@code /_ping}, {@code /version}) to the whole HTTP response; others get
   *     a 404
   */
  public static FakeDaemon start(Path socket, Map<String, String> responses) throws IOException {
    return new FakeDaemon(socket, responses);
  }

  /** A ping answer advertising an API version (none when {@code apiVersion} is null). */
  public static String ping(String apiVersion) {
    return "HTTP/1.1 200 OK\r\n"
        + (apiVersion == null ? "" : "Api-Version: " + apiVersion + "\r\n")
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK";
  }

  /** A JSON answer. */
  public static String json(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + bytes.length
        + "\r\nConnection: close\r\n\r\n"
        + body;
  }

  /**
   * A progress stream of {@code chunk} that ends without its last chunk, as when the daemon goes
   * away during a build.
   */
  public static String cutShortStream(String chunk) {
    byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + Integer.toHexString(bytes.length)
        + "\r\n"
        + chunk
        + "\r\n";
  }

  public Path socket() {
    return socket;
  }

  private void serve(Map<String, String> responses) {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        String path = requestPath(client);
        String response =
            responses.getOrDefault(
                stripVersion(path),
                "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 29\r\n"
                    + "Connection: close\r\n\r\n{\"message\":\"page not found\"}");
        client.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8)));
      } catch (IOException closedOrGone) {
        // the server was closed, or the client went away
      }
    }
  }

  /** Reads a request to its end (a body of either framing included) and returns its path. */
  private static String requestPath(SocketChannel client) throws IOException {
    var request = new ByteArrayOutputStream();
    int headEnd = readUntil(client, request, text -> text.indexOf("\r\n\r\n"));
    String text = request.toString(StandardCharsets.ISO_8859_1);
    String head = text.substring(0, Math.max(headEnd, 0)).toLowerCase(Locale.ROOT);
    if (head.contains("\r\ntransfer-encoding: chunked")) {
      readUntil(client, request, all -> all.endsWith("\r\n0\r\n\r\n") ? all.length() : -1);
    } else if (head.contains("\r\ncontent-length: ")) {
      String value = head.split("\r\ncontent-length: ", 2)[1].split("\r\n", 2)[0].trim();
      long end = headEnd + 4 + Long.parseLong(value);
      readUntil(client, request, all -> all.length() >= end ? all.length() : -1);
    }
    String[] requestLine = text.split("\r\n", 2)[0].split(" ");
    String target = requestLine.length > 1 ? requestLine[1] : "/";
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /**
   * Reads into {@code request} until {@code position} finds what it looks for (a non-negative
   * answer) in the text so far, or the client stops sending.
   */
  private static int readUntil(
      SocketChannel client, ByteArrayOutputStream request, ToIntFunction<String> position)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    int found = position.applyAsInt(request.toString(StandardCharsets.ISO_8859_1));
    while (found < 0) {
      buffer.clear();
      if (client.read(buffer) < 0) {
        return -1;
      }
      request.write(buffer.array(), 0, buffer.position());
      found = position.applyAsInt(request.toString(StandardCharsets.ISO_8859_1));
    }
    return found;
  }

  private static String stripVersion(String path) {
    return path.replaceFirst("^/v\\d+\\.\\d+/", "/");
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
  }
}
