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
import java.util.Map;

/**
 * A stand-in for a daemon on a unix socket that answers every request for a path with a canned HTTP
 * response and closes the connection: enough for discovery's ping probe and for version negotiation
 * against daemons the suite has no real copy of.
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

  private static String requestPath(SocketChannel client) throws IOException {
    var head = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(1024);
    while (!head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
      buffer.clear();
      if (client.read(buffer) < 0) {
        break;
      }
      head.write(buffer.array(), 0, buffer.position());
    }
    String[] requestLine =
        head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0].split(" ");
    String target = requestLine.length > 1 ? requestLine[1] : "/";
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
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
