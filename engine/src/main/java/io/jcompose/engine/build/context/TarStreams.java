package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.layer.Decompression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Tars as docker's build reads them: plain, gzip, bzip2 or xz, told apart by their first bytes
 * (never by a file name), and the test ADD uses to decide whether a local file is an archive.
 */
final class TarStreams {

  private static final int BLOCK = 512;

  private TarStreams() {}

  /**
   * The uncompressed bytes of {@code stream}.
   *
   * @throws EngineFault.InvalidArgument for zstd, which docker's build contexts do not accept
   */
  static InputStream uncompressed(InputStream stream) throws IOException {
    var buffered = new BufferedInputStream(stream, 64 * 1024);
    return switch (Decompression.detect(buffered)) {
      case PLAIN -> buffered;
      case GZIP -> new GzipCompressorInputStream(buffered, true);
      case BZIP2 -> new BZip2CompressorInputStream(buffered, true);
      case XZ -> new XZCompressorInputStream(buffered, true);
      case ZSTD ->
          throw new EngineFault.InvalidArgument(
              "zstd-compressed build contexts are not supported; send a plain, gzip, bzip2 or xz"
                  + " tar");
    };
  }

  /**
   * Whether {@code file} is a tar (compressed or not), as dockerd decides for ADD: its first
   * header, once uncompressed, is a valid tar header.
   */
  static boolean isArchive(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      var buffered = new BufferedInputStream(in, 64 * 1024);
      if (Decompression.detect(buffered) == Decompression.Format.ZSTD) {
        return false;
      }
      byte[] header;
      try (InputStream tar = uncompressed(buffered)) {
        header = tar.readNBytes(BLOCK);
      }
      return header.length == BLOCK && !isZero(header) && TarUtils.verifyCheckSum(header);
    } catch (IOException e) {
      return false; // a corrupt compressed stream is no archive: ADD copies it as it is
    }
  }

  private static boolean isZero(byte[] block) {
    byte[] zero = new byte[block.length];
    return Arrays.equals(block, zero);
  }
}
