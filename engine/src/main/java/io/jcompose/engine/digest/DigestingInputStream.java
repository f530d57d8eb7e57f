package io.jcompose.engine.digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes a stream through while hashing and counting every byte read, so a layer or blob is
 * verified in the same pass that stores or unpacks it.
 */
public final class DigestingInputStream extends FilterInputStream {

  private final MessageDigest hasher = Digest.newMessageDigest();
  private long byteCount;

  public DigestingInputStream(InputStream source) {
    super(source);
  }

  @Override
  public int read() throws IOException {
    int value = super.read();
    if (value >= 0) {
      hasher.update((byte) value);
      byteCount++;
    }
    return value;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int count = super.read(buffer, offset, length);
    if (count > 0) {
      hasher.update(buffer, offset, count);
      byteCount += count;
    }
    return count;
  }

  /** Skips by reading, so skipped bytes are hashed too. */
  @Override
  public long skip(long count) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < count) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, count - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readLimit) {
    // not supported: a reset would hash bytes twice
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset is not supported while digesting");
  }

  /** Reads what is left of the stream, so the digest covers all of it. */
  public void drain() throws IOException {
    skip(Long.MAX_VALUE);
  }

  /** The digest of the bytes read so far (call once the stream is consumed). */
  public Digest digest() {
    try {
      return Digest.fromHash(((MessageDigest) hasher.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digests can be cloned", e);
    }
  }

  public long byteCount() {
    return byteCount;
  }
}
