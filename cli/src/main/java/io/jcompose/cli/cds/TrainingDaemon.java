package io.jcompose.cli.cds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Build-time only: the canned Docker API {@link CdsTraining} drives, so that the training run goes
 * through the real client, transport and JSON classes. It answers an empty endpoint (no containers,
 * networks or volumes; every image present) that accepts network and container creation and
 * container starts and stops, over HTTP/1.1 with keep-alive, one thread per connection; anything
 * else is Docker's 404.
 */
final class TrainingDaemon implements AutoCloseable {

  private static final String IMAGE =
      "{\"Id\":\"sha256:"
          + "0".repeat(64)
          + "\",\"RepoTags\":[\"training:1\"],\"RepoDigests\":[],\"Created\":"
          + "\"2026-01-01T00:00:00Z\",\"Os\":\"linux\",\"Architecture\":\"amd64\",\"Size\":0,"
          + "\"Config\":{\"Env\":[\"PATH=/bin\"],\"Cmd\":[\"sh\"],\"Labels\":{}}}";

  private final ServerSocketChannel server;

  private TrainingDaemon(ServerSocketChannel server) {
    this.server = server;
  }

  static TrainingDaemon start(Path socket) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    var daemon = new TrainingDaemon(server);
    Thread acceptor = new Thread(daemon::accept, "cds-daemon");
    acceptor.setDaemon(true);
    acceptor.start();
    return daemon;
  }

  private void accept() {
    try {
      while (true) {
        SocketChannel connection = server.accept();
        Thread worker = new Thread(() -> serve(connection), "cds-connection");
        worker.setDaemon(true);
        worker.start();
      }
    } catch (IOException closed) {
      // the training is over
    }
  }

  private static void serve(SocketChannel connection) {
    try (connection;
        InputStream in = Channels.newInputStream(connection);
        OutputStream out = Channels.newOutputStream(connection)) {
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String[] requestLine = head.substring(0, head.indexOf('\r')).split(" ");
        skipBody(in, head);
        respond(out, requestLine[0], requestLine[1]);
      }
    } catch (IOException gone) {
      // the client closed the connection
    }
  }

  private static String readHead(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private static void skipBody(InputStream in, String head) throws IOException {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        long length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        in.skipNBytes(length);
      }
    }
  }

  private static void respond(OutputStream out, String method, String target) throws IOException {
    String path = target.replaceFirst("^/v[0-9]+\\.[0-9]+", "");
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    int status = 200;
    String type = "application/json";
    String body;
    if (path.equals("/_ping")) {
      type = "text/plain";
      body = "OK";
    } else if (path.equals("/version")) {
      body =
          "{\"Version\":\"0.0.0\",\"ApiVersion\":\"1.44\",\"MinAPIVersion\":\"1.24\","
              + "\"Os\":\"linux\",\"Arch\":\"amd64\"}";
    } else if (path.equals("/info")) {
      body = "{\"ID\":\"cds\",\"Name\":\"cds\",\"OSType\":\"linux\",\"Architecture\":\"x86_64\"}";
    } else if (path.equals("/containers/json") || path.equals("/networks")) {
      body = "[]";
    } else if (path.equals("/volumes")) {
      body = "{\"Volumes\":[],\"Warnings\":null}";
    } else if (path.startsWith("/images/") && path.endsWith("/json")) {
      body = IMAGE;
    } else if (method.equals("GET") && path.equals("/volumes/certs")) {
      // the training file's external volume exists
      String name = path.substring("/volumes/".length());
      body =
          "{\"Name\":\""
              + name
              + "\",\"Driver\":\"local\",\"Mountpoint\":\"/training/"
              + name
              + "\",\"Labels\":{},\"Scope\":\"local\",\"Options\":{}}";
    } else if (method.equals("GET") && path.equals("/networks/shared-network")) {
      // and so does its external network
      String name = path.substring("/networks/".length());
      body =
          "{\"Name\":\""
              + name
              + "\",\"Id\":\""
              + "3".repeat(64)
              + "\",\"Driver\":\"bridge\",\"Scope\":\"local\",\"Labels\":{},"
              + "\"Containers\":{},\"IPAM\":{\"Config\":[]}}";
    } else if (method.equals("POST") && path.equals("/networks/create")) {
      status = 201;
      body = "{\"Id\":\"" + "1".repeat(64) + "\",\"Warning\":\"\"}";
    } else if (method.equals("POST") && path.equals("/containers/create")) {
      status = 201;
      body = "{\"Id\":\"" + "2".repeat(64) + "\",\"Warnings\":[]}";
    } else if (method.equals("POST")
        && path.startsWith("/containers/")
        && (path.endsWith("/start") || path.endsWith("/stop"))) {
      status = 204;
      body = "";
    } else {
      status = 404;
      body = "{\"message\":\"page not found\"}";
    }
    byte[] bytes = method.equals("HEAD") ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    String response =
        "HTTP/1.1 "
            + status
            + (status == 404 ? " Not Found" : status == 204 ? " No Content" : " OK")
            + "\r\nApi-Version: 1.44\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n";
    out.write(response.getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
