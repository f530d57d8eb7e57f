package io.jcompose.engine.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Reads a growing log file from where it left off, returning only complete lines: a line conmon is
 * still writing is kept until its newline arrives. A file that shrank (was truncated) is read again
 * from its start.
 */
final class LogFileReader implements AutoCloseable {

  private final Path file;
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  private final ByteArrayOutputStream unfinished = new ByteArrayOutputStream();
  private FileChannel channel;
  private long position;

  LogFileReader(Path file) {
    this.file = file;
  }

  /**
   * Hands each complete line appended since the last call, without its newline, to {@code sink}.
   */
  void readLines(Consumer<byte[]> sink) throws IOException {
    if (channel == null) {
      try {
        channel = FileChannel.open(file, StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        return;
      }
    }
    if (channel.size() < position) {
      position = 0;
      unfinished.reset();
    }
    while (true) {
      buffer.clear();
      int count = channel.read(buffer, position);
      if (count <= 0) {
        return;
      }
      position += count;
      byte[] bytes = buffer.array();
      int lineStart = 0;
      for (int i = 0; i < count; i++) {
        if (bytes[i] == '\n') {
          unfinished.write(bytes, lineStart, i - lineStart);
          sink.accept(unfinished.toByteArray());
          unfinished.reset();
          lineStart = i + 1;
        }
      }
      unfinished.write(bytes, lineStart, count - lineStart);
    }
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
