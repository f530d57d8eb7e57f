package io.jcompose.adapter;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Opens a hijacked connection (docker-api-subset.md §3.2): a POST with {@code Connection: Upgrade}
 * and {@code Upgrade: tcp} on a socket of its own, unix or tcp (with TLS when the endpoint has it),
 * then hands the socket over as a raw pipe once the daemon answered {@code 101} (or {@code 200},
 * whose body runs to EOF). docker-java's transport cannot half-close its side, which a client must
 * do when its standard input ends; hence a socket outside it.
 */
final class Hijack {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_HEAD_BYTES = 64 * 1024;

  /** {@code \r\n\r\n} as the last four bytes read. */
  private static final int END_OF_HEAD = 0x0d0a0d0a;

  private final Endpoint endpoint;
  private final ApiVersion apiVersion;
  private final Faults faults;

  Hijack(Endpoint endpoint, ApiVersion apiVersion, Faults faults) {
    this.endpoint = endpoint;
    this.apiVersion = apiVersion;
    this.faults = faults;
  }

  /** POSTs {@code jsonBody} to {@code pathAndQuery} and returns the upgraded connection. */
  StreamConnection post(String pathAndQuery, String jsonBody, boolean tty) {
    Pipe pipe;
    try {
      pipe = connect();
    } catch (IOException failure) {
      throw faults.unreachable(failure, failure);
    }
    try {
      byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
      String head =
          "POST /v"
              + apiVersion
              + pathAndQuery
              + " HTTP/1.1\r\n"
              + "Host: "
              + hostHeader()
              + "\r\n"
              + "User-Agent: jcompose\r\n"
              + "Content-Type: application/json\r\n"
              + "Content-Length: "
              + body.length
              + "\r\n"
              + "Connection: Upgrade\r\n"
              + "Upgrade: tcp\r\n\r\n";
      OutputStream out = pipe.output();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      var in = new BufferedInputStream(pipe.input());
      Response response = readHead(in);
      if (response.status() != 101 && response.status() != 200) {
        String message = RawApi.message(errorBody(in, response), response.status());
        throw Faults.forStatus(response.status(), message, null);
      }
      return new Connection(pipe, in, tty);
    } catch (IOException | RuntimeException failure) {
      pipe.close();
      throw faults.map(failure);
    }
  }

  private String hostHeader() {
    URI uri = endpoint.uri();
    return "unix".equals(uri.getScheme()) ? "docker" : uri.getHost() + ":" + port(uri);
  }

  private int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return endpoint.tls().isPresent() ? 2376 : 2375;
  }

  private Pipe connect() throws IOException {
    URI uri = endpoint.uri();
    if ("unix".equals(uri.getScheme())) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      try {
        channel.connect(UnixDomainSocketAddress.of(uri.getPath()));
      } catch (IOException failure) {
        channel.close();
        throw failure;
      }
      return new ChannelPipe(channel);
    }
    var socket = new Socket();
    try {
      socket.connect(
          new InetSocketAddress(uri.getHost(), port(uri)), (int) CONNECT_TIMEOUT.toMillis());
      socket.setTcpNoDelay(true);
      if (endpoint.tls().isEmpty()) {
        return new SocketPipe(socket);
      }
      SSLContext context = Transport.sslConfig(endpoint.tls()).orElseThrow().getSSLContext();
      var tls =
          (SSLSocket)
              context.getSocketFactory().createSocket(socket, uri.getHost(), port(uri), true);
      tls.startHandshake();
      return new SocketPipe(tls);
    } catch (IOException | RuntimeException | GeneralSecurityException failure) {
      socket.close();
      throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
    }
  }

  private record Response(int status, Map<String, String> headers) {}

  /** Reads the status line and headers, byte by byte up to the blank line, nothing beyond. */
  private static Response readHead(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    int lastFour = 0;
    while (lastFour != END_OF_HEAD) {
      int next = in.read();
      if (next < 0) {
        throw new IOException("the daemon closed the connection before answering");
      }
      head.write(next);
      lastFour = (lastFour << 8) | next;
      if (head.size() > MAX_HEAD_BYTES) {
        throw new IOException("the daemon's answer has no end of headers");
      }
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP answer: " + lines[0]);
    }
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP status: " + lines[0], e);
    }
    var headers = new HashMap<String, String>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    return new Response(status, headers);
  }

  /** An error answer's body: its Content-Length, else what comes before EOF (bounded). */
  private static byte[] errorBody(InputStream in, Response response) throws IOException {
    String length = response.headers().get("content-length");
    if (length != null) {
      return in.readNBytes(Math.min(Integer.parseInt(length.trim()), MAX_HEAD_BYTES));
    }
    if ("chunked".equalsIgnoreCase(response.headers().get("transfer-encoding"))) {
      return new byte[0];
    }
    return in.readNBytes(MAX_HEAD_BYTES);
  }

  /** A connected socket's two directions. */
  private interface Pipe {
    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    void shutdownOutput() throws IOException;

    void close();
  }

  /**
   * A unix socket. Its streams call the channel directly: the JDK's {@code Channels} streams take
   * one lock for reads and writes, so a blocked read would hold up standard input.
   */
  private record ChannelPipe(SocketChannel channel) implements Pipe {
    @Override
    public InputStream input() {
      return new InputStream() {
        @Override
        public int read() throws IOException {
          byte[] one = new byte[1];
          int read = read(one, 0, 1);
          return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          if (length == 0) {
            return 0;
          }
          return channel.read(ByteBuffer.wrap(buffer, offset, length));
        }
      };
    }

    @Override
    public OutputStream output() {
      return new OutputStream() {
        @Override
        public void write(int value) throws IOException {
          write(new byte[] {(byte) value}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
          ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
          while (bytes.hasRemaining()) {
            channel.write(bytes);
          }
        }
      };
    }

    @Override
    public void shutdownOutput() throws IOException {
      channel.shutdownOutput();
    }

    @Override
    public void close() {
      StreamCallback.closeQuietly(channel);
    }
  }

  /** A tcp socket, with or without TLS. */
  private record SocketPipe(Socket socket) implements Pipe {
    @Override
    public InputStream input() throws IOException {
      return socket.getInputStream();
    }

    @Override
    public OutputStream output() throws IOException {
      return socket.getOutputStream();
    }

    @Override
    public void shutdownOutput() throws IOException {
      socket.shutdownOutput();
    }

    @Override
    public void close() {
      StreamCallback.closeQuietly(socket);
    }
  }

  private static final class Connection implements StreamConnection {
    private final Pipe pipe;
    private final InputStream output;
    private final OutputStream input;
    private final boolean tty;

    Connection(Pipe pipe, InputStream output, boolean tty) throws IOException {
      this.pipe = pipe;
      this.output = output;
      this.input = pipe.output();
      this.tty = tty;
    }

    @Override
    public InputStream output() {
      return output;
    }

    @Override
    public OutputStream input() {
      return input;
    }

    @Override
    public void closeInput() {
      try {
        pipe.shutdownOutput();
      } catch (IOException | UnsupportedOperationException alreadyClosed) {
        // the daemon has gone, or TLS below 1.3 cannot half-close: nothing more to send either way
      }
    }

    @Override
    public boolean tty() {
      return tty;
    }

    @Override
    public void close() {
      pipe.close();
    }
  }
}
