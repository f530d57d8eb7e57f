package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameDemultiplexerTest {

  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  @Test
  void copy_splitsFramesByType() throws IOException {
    byte[] wire =
        concat(frame(1, "hi\n"), frame(2, "oops\n"), frame(0, "echo"), frame(1, ""), frame(1, "!"));

    FrameDemultiplexer.copy(new ByteArrayInputStream(wire), stdout, stderr);

    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("hi\necho!");
    assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("oops\n");
  }

  @Test
  void copy_readsTheObservedWireBytes() throws IOException {
    byte[] wire = {1, 0, 0, 0, 0, 0, 0, 3, 'h', 'i', '\n'};

    FrameDemultiplexer.copy(new ByteArrayInputStream(wire), stdout, stderr);

    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("hi\n");
  }

  @Test
  void copy_readsFramesThatArriveOneByteAtATime() throws IOException {
    byte[] wire = concat(frame(1, "slow"), frame(2, "er"));

    FrameDemultiplexer.copy(new Trickle(wire), stdout, stderr);

    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("slow");
    assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("er");
  }

  @Test
  void copy_carriesFramesLargerThanItsBuffer() throws IOException {
    String large = "x".repeat(100_000);

    FrameDemultiplexer.copy(new ByteArrayInputStream(frame(1, large)), stdout, stderr);

    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(large);
  }

  @Test
  void copy_failsWhenTheStreamEndsInsideAFrame() {
    byte[] cut = java.util.Arrays.copyOf(frame(1, "hello"), 10);

    assertThatThrownBy(() -> FrameDemultiplexer.copy(new ByteArrayInputStream(cut), stdout, stderr))
        .isInstanceOf(EOFException.class)
        .hasMessageContaining("3 bytes short");
  }

  @Test
  void copy_refusesRawOutput() {
    byte[] raw = "hello, world\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> FrameDemultiplexer.copy(new ByteArrayInputStream(raw), stdout, stderr))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a multiplexed stream");
  }

  private static byte[] frame(int type, String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    var frame = new ByteArrayOutputStream();
    int size = bytes.length;
    frame.writeBytes(
        new byte[] {
          (byte) type,
          0,
          0,
          0,
          (byte) (size >>> 24),
          (byte) (size >>> 16),
          (byte) (size >>> 8),
          (byte) size
        });
    frame.writeBytes(bytes);
    return frame.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    var all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  /** Hands out one byte per read, as a slow socket may. */
  private static final class Trickle extends InputStream {
    private final ByteArrayInputStream bytes;

    Trickle(byte[] content) {
      this.bytes = new ByteArrayInputStream(content);
    }

    @Override
    public int read() {
      return bytes.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return length == 0 ? 0 : bytes.read(buffer, offset, 1);
    }
  }
}
