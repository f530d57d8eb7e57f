package io.jcompose.engine.http;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Bytes arriving on a connection (a request body, or a hijacked client's stdin), handed from the
 * event loop to the request thread that reads them. It holds at most about {@link #HIGH_WATER}
 * bytes: above that the connection stops reading from the socket, and it resumes once the reader
 * has drained the buffer below {@link #LOW_WATER}, so a large upload streams through in bounded
 * memory.
 */
final class InboundBytes extends InputStream {

  static final long HIGH_WATER = 1 << 20;
  static final long LOW_WATER = 256 << 10;

  private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
  private final Runnable onDrained;
  private long buffered;
  private boolean ended;
  private boolean discarding;
  private IOException failure;

  /**
   * @param onDrained called (on the reading thread) when the buffer drops below the low water mark
   */
  InboundBytes(Runnable onDrained) {
    this.onDrained = onDrained;
  }

  /** Takes ownership of {@code bytes}. Event loop only. */
  void offer(ByteBuf bytes) {
    synchronized (this) {
      if (!discarding && !ended && failure == null && bytes.isReadable()) {
        chunks.add(bytes);
        buffered += bytes.readableBytes();
        notifyAll();
        return;
      }
    }
    bytes.release();
  }

  synchronized void end() {
    ended = true;
    notifyAll();
  }

  synchronized void fail(IOException cause) {
    if (!ended) {
      failure = cause;
    }
    notifyAll();
  }

  synchronized boolean isFull() {
    return buffered >= HIGH_WATER;
  }

  synchronized boolean isEnded() {
    return ended;
  }

  /** Drops what is buffered and whatever arrives later. */
  void discard() {
    List<ByteBuf> dropped;
    synchronized (this) {
      discarding = true;
      dropped = new ArrayList<>(chunks);
      chunks.clear();
      buffered = 0;
      notifyAll();
    }
    dropped.forEach(ByteBuf::release);
  }

  /** What was received and not read, for someone else to read; this stream ends. */
  synchronized List<ByteBuf> takeUnread() {
    var unread = new ArrayList<>(chunks);
    chunks.clear();
    buffered = 0;
    discarding = true;
    return unread;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int count = read(one, 0, 1);
    return count < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, target.length);
    if (length == 0) {
      return 0;
    }
    boolean drained;
    int count;
    synchronized (this) {
      while (chunks.isEmpty() && !ended && failure == null && !discarding) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading from the client");
        }
      }
      if (chunks.isEmpty()) {
        if (failure != null) {
          throw failure;
        }
        return -1;
      }
      ByteBuf head = chunks.peek();
      count = Math.min(length, head.readableBytes());
      head.readBytes(target, offset, count);
      if (!head.isReadable()) {
        chunks.poll().release();
      }
      buffered -= count;
      drained = buffered < LOW_WATER && buffered + count >= LOW_WATER;
    }
    if (drained) {
      onDrained.run();
    }
    return count;
  }

  @Override
  public synchronized int available() {
    return (int) Math.min(Integer.MAX_VALUE, buffered);
  }

  /** The reader is done: the rest is dropped. */
  @Override
  public void close() {
    discard();
  }
}
