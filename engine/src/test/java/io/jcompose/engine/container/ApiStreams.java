package io.jcompose.engine.container;

import io.jcompose.engine.http.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Streaming exchanges with the engine, read byte for byte: wait, logs, attach. */
final class ApiStreams {

  /** One frame of a multiplexed stream: 1 stdout, 2 stderr. */
  record Frame(int stream, String text) {}

  private ApiStreams() {}

  /** Sends {@code POST path} (no body) on a new connection and reads the response head. */
  static TestClient post(Path socket, String path, String... headers) throws IOException {
    TestClient client = TestClient.connect(socket);
    var request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    client.send(request.append("Content-Length: 0\r\n\r\n").toString());
    return client;
  }

  /** Splits a multiplexed body into its frames. */
  static List<Frame> frames(byte[] body) {
    var frames = new ArrayList<Frame>();
    int offset = 0;
    while (offset + 8 <= body.length) {
      int length =
          (body[offset + 4] & 0xFF) << 24
              | (body[offset + 5] & 0xFF) << 16
              | (body[offset + 6] & 0xFF) << 8
              | body[offset + 7] & 0xFF;
      frames.add(
          new Frame(body[offset], new String(body, offset + 8, length, StandardCharsets.UTF_8)));
      offset += 8 + length;
    }
    if (offset != body.length) {
      throw new AssertionError("a frame is cut short at byte " + offset + " of " + body.length);
    }
    return frames;
  }

  /** The payloads of frames joined, for one stream (0 for all). */
  static String text(List<Frame> frames, int stream) {
    var text = new ByteArrayOutputStream();
    for (Frame frame : frames) {
      if (stream == 0 || frame.stream() == stream) {
        text.writeBytes(frame.text().getBytes(StandardCharsets.UTF_8));
      }
    }
    return text.toString(StandardCharsets.UTF_8);
  }
}
