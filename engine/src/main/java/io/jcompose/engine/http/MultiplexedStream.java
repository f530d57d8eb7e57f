package io.jcompose.engine.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Docker's 8-byte framing of stdout and stderr on one stream (logs, attach, exec of a container
 * without a TTY): {@code [type, 0, 0, 0, length as 4 bytes big-endian]} then the payload. Frames
 * from several threads never interleave. A TTY stream has no framing: write to the raw output.
 */
public final class MultiplexedStream {

  /** The first byte of a frame. */
  public enum Kind {
    STDIN(0),
    STDOUT(1),
    STDERR(2);

    private final int code;

    Kind(int code) {
      this.code = code;
    }
  }

  public static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  public static final String RAW = "application/vnd.docker.raw-stream";

  private final OutputStream out;

  public MultiplexedStream(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * The content type dockerd gives an attach, exec or logs stream: from API 1.42 on, multiplexed
   * when the stream is framed (no TTY); before that, raw-stream whatever the framing.
   */
  public static String contentType(ApiVersion version, boolean tty) {
    return version.atLeast(1, 42) && !tty ? MULTIPLEXED : RAW;
  }

  /** One frame; nothing for an empty payload. */
  public synchronized void write(Kind kind, byte[] payload, int offset, int length)
      throws IOException {
    Objects.checkFromIndexSize(offset, length, payload.length);
    if (length == 0) {
      return;
    }
    byte[] frame = new byte[8 + length];
    frame[0] = (byte) kind.code;
    frame[4] = (byte) (length >>> 24);
    frame[5] = (byte) (length >>> 16);
    frame[6] = (byte) (length >>> 8);
    frame[7] = (byte) length;
    System.arraycopy(payload, offset, frame, 8, length);
    out.write(frame);
  }

  /** A stream whose every write becomes one frame of {@code kind}. */
  public OutputStream framing(Kind kind) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] payload, int offset, int length) throws IOException {
        MultiplexedStream.this.write(kind, payload, offset, length);
      }

      @Override
      public void flush() throws IOException {
        out.flush();
      }
    };
  }
}
