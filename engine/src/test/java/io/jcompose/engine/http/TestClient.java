package io.jcompose.engine.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A raw HTTP/1.1 client over a real unix socket, reading exactly what the server sent. */
public final class TestClient implements AutoCloseable {

  /** One parsed response; header names lower-cased; chunks as they were framed. */
  public record RawResponse(
      int status,
      String statusLine,
      Map<String, String> headers,
      byte[] body,
      List<byte[]> chunks) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final SocketChannel socket;
  private final InputStream in;
  private final OutputStream out;

  private TestClient(SocketChannel socket) {
    this.socket = socket;
    this.in = Channels.newInputStream(socket);
    this.out = Channels.newOutputStream(socket);
  }

  public static TestClient connect(Path socketPath) throws IOException {
    SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
    socket.connect(UnixDomainSocketAddress.of(socketPath));
    return new TestClient(socket);
  }

  /** One request and its response on a fresh connection. */
  public static RawResponse exchange(Path socketPath, String request) throws IOException {
    try (TestClient client = connect(socketPath)) {
      client.send(request);
      return client.readResponse(request.startsWith("HEAD "));
    }
  }

  public static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
  }

  public void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Sends one chunk of a chunked body. */
  public void sendChunk(byte[] bytes) throws IOException {
    send(Integer.toHexString(bytes.length) + "\r\n");
    send(bytes);
    send("\r\n");
  }

  public void shutdownOutput() throws IOException {
    socket.shutdownOutput();
  }

  public RawResponse readResponse() throws IOException {
    return readResponse(false);
  }

  /** Reads status line and headers only. */
  public RawResponse readHead() throws IOException {
    String statusLine = readLine();
    var headers = new LinkedHashMap<String, String>();
    for (String line = readLine(); !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    return new RawResponse(status, statusLine, headers, new byte[0], List.of());
  }

  public RawResponse readResponse(boolean head) throws IOException {
    RawResponse top = readHead();
    if (top.status() == 100) {
      top = readHead();
    }
    if (head || top.status() == 204 || top.status() == 304) {
      return top;
    }
    if ("chunked".equals(top.header("transfer-encoding"))) {
      var body = new ByteArrayOutputStream();
      var chunks = new ArrayList<byte[]>();
      for (byte[] chunk = readChunk(); chunk.length > 0; chunk = readChunk()) {
        chunks.add(chunk);
        body.write(chunk);
      }
      readLine();
      return new RawResponse(
          top.status(), top.statusLine(), top.headers(), body.toByteArray(), chunks);
    }
    String length = top.header("content-length");
    byte[] body = length == null ? readToEnd() : readExactly(Integer.parseInt(length));
    return new RawResponse(top.status(), top.statusLine(), top.headers(), body, List.of());
  }

  /** Reads the next chunk of a chunked body; empty for the last. */
  public byte[] readChunk() throws IOException {
    int size = Integer.parseInt(readLine().strip(), 16);
    byte[] chunk = readExactly(size);
    if (size > 0) {
      readLine();
    }
    return chunk;
  }

  public byte[] readExactly(int count) throws IOException {
    byte[] bytes = in.readNBytes(count);
    if (bytes.length < count) {
      throw new EOFException("expected " + count + " bytes, the server sent " + bytes.length);
    }
    return bytes;
  }

  public byte[] readToEnd() throws IOException {
    return in.readAllBytes();
  }

  /** Whether the server closed the connection (the next read is end of stream). */
  public boolean closedByServer() throws IOException {
    return in.read() < 0;
  }

  public String readLine() throws IOException {
    var line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the connection closed in the middle of a line: " + line);
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
