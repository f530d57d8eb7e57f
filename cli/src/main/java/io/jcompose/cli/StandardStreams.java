package io.jcompose.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The standard streams as bytes, for the verbs that relay a container's ({@code exec}, {@code run},
 * {@code attach}): standard input as it comes, output without re-encoding.
 *
 * @param stdin opens standard input (once)
 * @param stdout standard output
 * @param stderr standard error
 * @param terminal whether standard input and output are both terminals (a TTY is allocated)
 */
public record StandardStreams(
    Supplier<InputStream> stdin, OutputStream stdout, OutputStream stderr, boolean terminal) {

  public StandardStreams {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** The process's own: System.in, System.out, System.err. */
  static StandardStreams system() {
    return new StandardStreams(new SystemIn(), System.out, System.err, System.console() != null);
  }

  /**
   * Streams over a context's text streams (tests, embedding): standard input is {@code stdin}'s
   * text, output is decoded as UTF-8 into the writers; never a terminal.
   */
  static StandardStreams over(Supplier<String> stdin, PrintWriter out, PrintWriter err) {
    return new StandardStreams(
        new TextIn(stdin), new WriterStream(out), new WriterStream(err), false);
  }

  /** System.in (a nested class, not a method reference: see {@link Main}). */
  private static final class SystemIn implements Supplier<InputStream> {
    @Override
    public InputStream get() {
      return System.in;
    }
  }

  private static final class TextIn implements Supplier<InputStream> {
    private final Supplier<String> text;

    TextIn(Supplier<String> text) {
      this.text = text;
    }

    @Override
    public InputStream get() {
      return new ByteArrayInputStream(text.get().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Decodes UTF-8 into a writer; a character split across writes waits for its other bytes. */
  private static final class WriterStream extends OutputStream {
    private final PrintWriter writer;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer decoded = CharBuffer.allocate(8192);

    WriterStream(PrintWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int value) {
      write(new byte[] {(byte) value}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      int at = offset;
      int end = offset + length;
      while (at < end) {
        int chunk = Math.min(pending.remaining(), end - at);
        pending.put(bytes, at, chunk);
        at += chunk;
        pending.flip();
        decoder.decode(pending, decoded, false);
        pending.compact();
        decoded.flip();
        writer.append(decoded);
        decoded.clear();
      }
    }

    @Override
    public void flush() {
      writer.flush();
    }
  }
}
