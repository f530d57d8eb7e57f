package io.jcompose.engine.container;

import io.jcompose.engine.http.MultiplexedStream;
import io.jcompose.engine.logs.LogRecord;
import io.jcompose.engine.logs.LogStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes log records to a client: one frame per record (stdout or stderr) for a container without a
 * TTY, raw bytes for one with; with {@code timestamps}, each record starts with its time in RFC
 * 3339 with nine fraction digits and a space, as dockerd writes it.
 */
final class LogWriter {

  private final OutputStream raw;
  private final MultiplexedStream frames;
  private final boolean tty;
  private final boolean timestamps;

  LogWriter(OutputStream out, boolean tty, boolean timestamps) {
    this.raw = out;
    this.frames = new MultiplexedStream(out);
    this.tty = tty;
    this.timestamps = timestamps;
  }

  void write(LogRecord record) throws IOException {
    byte[] bytes = record.bytes();
    if (timestamps) {
      byte[] stamp = (ApiTime.formatFixed(record.time()) + " ").getBytes(StandardCharsets.US_ASCII);
      byte[] stamped = new byte[stamp.length + bytes.length];
      System.arraycopy(stamp, 0, stamped, 0, stamp.length);
      System.arraycopy(bytes, 0, stamped, stamp.length, bytes.length);
      bytes = stamped;
    }
    if (tty) {
      raw.write(bytes);
      raw.flush();
    } else {
      frames.write(
          record.stream() == LogStream.STDERR
              ? MultiplexedStream.Kind.STDERR
              : MultiplexedStream.Kind.STDOUT,
          bytes,
          0,
          bytes.length);
    }
  }
}
