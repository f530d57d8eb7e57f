package io.jcompose.adapter;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Splits a multiplexed stream (docker-api-subset.md §3.1) into standard output and error: each
 * frame is {@code [type, 0, 0, 0, size as 4 bytes big-endian]} then {@code size} bytes; type 0
 * (stdin echo) and 1 go to standard output, 2 to standard error.
 */
public final class FrameDemultiplexer {

  private static final int HEADER_SIZE = 8;

  private FrameDemultiplexer() {}

  /**
   * Copies frames until the stream ends, flushing after each one.
   *
   * @throws EOFException when the stream ends inside a frame
   * @throws IOException when a header is not a frame header (the stream is not multiplexed)
   */
  public static void copy(InputStream frames, OutputStream stdout, OutputStream stderr)
      throws IOException {
    byte[] header = new byte[HEADER_SIZE];
    byte[] buffer = new byte[8192];
    while (readHeader(frames, header)) {
      int type = header[0];
      if (type < 0 || type > 2 || header[1] != 0 || header[2] != 0 || header[3] != 0) {
        throw new IOException("not a multiplexed stream: a frame header starts with " + type);
      }
      long size =
          ((header[4] & 0xffL) << 24)
              | ((header[5] & 0xffL) << 16)
              | ((header[6] & 0xffL) << 8)
              | (header[7] & 0xffL);
      OutputStream target = type == 2 ? stderr : stdout;
      while (size > 0) {
        int read = frames.read(buffer, 0, (int) Math.min(buffer.length, size));
        if (read < 0) {
          throw new EOFException("the stream ended inside a frame, " + size + " bytes short");
        }
        target.write(buffer, 0, read);
        size -= read;
      }
      target.flush();
    }
  }

  /** Reads a whole header; false when the stream ended cleanly before it. */
  private static boolean readHeader(InputStream frames, byte[] header) throws IOException {
    int filled = 0;
    while (filled < header.length) {
      int read = frames.read(header, filled, header.length - filled);
      if (read < 0) {
        if (filled == 0) {
          return false;
        }
        throw new EOFException("the stream ended inside a frame header");
      }
      filled += read;
    }
    return true;
  }
}
