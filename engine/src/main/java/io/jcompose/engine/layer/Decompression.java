package io.jcompose.engine.layer;

import io.jcompose.engine.fault.EngineFault;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Opens a layer or rootfs stream as an uncompressed tar, choosing the decompressor from the first
 * bytes (never from a media type or file name, which archives get wrong): gzip, zstd (through the
 * host's {@code zstd} tool), bzip2, or plain tar.
 */
public final class Decompression {

  private static final byte[] GZIP = {0x1f, (byte) 0x8b};
  private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
  private static final byte[] BZIP2 = {'B', 'Z', 'h'};
  private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

  private Decompression() {}

  /** The compression a stream starts with. */
  public enum Format {
    PLAIN,
    GZIP,
    ZSTD,
    BZIP2,
    XZ
  }

  /**
   * Wraps {@code compressed} so that reading gives the uncompressed bytes; closing the result
   * closes {@code compressed}.
   *
   * @throws EngineFault.InvalidArgument for xz, which the engine does not read
   * @throws EngineFault.Unavailable for zstd when the {@code zstd} tool is not installed
   */
  public static InputStream open(InputStream compressed) throws IOException {
    var buffered = new BufferedInputStream(compressed, 64 * 1024);
    return switch (detect(buffered)) {
      case PLAIN -> buffered;
      case GZIP -> new GzipCompressorInputStream(buffered, true);
      case BZIP2 -> new BZip2CompressorInputStream(buffered, true);
      case ZSTD -> ZstdToolStream.start(buffered);
      case XZ ->
          throw new EngineFault.InvalidArgument(
              "xz-compressed layers are not supported; use an uncompressed, gzip or zstd layer");
    };
  }

  /** Peeks at the first bytes of a stream that supports mark/reset. */
  public static Format detect(InputStream stream) throws IOException {
    if (!stream.markSupported()) {
      throw new IllegalArgumentException("detect needs a stream with mark/reset");
    }
    stream.mark(XZ.length);
    byte[] magic = stream.readNBytes(XZ.length);
    stream.reset();
    if (startsWith(magic, GZIP)) {
      return Format.GZIP;
    }
    if (startsWith(magic, ZSTD)) {
      return Format.ZSTD;
    }
    if (startsWith(magic, BZIP2)) {
      return Format.BZIP2;
    }
    if (startsWith(magic, XZ)) {
      return Format.XZ;
    }
    return Format.PLAIN;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
