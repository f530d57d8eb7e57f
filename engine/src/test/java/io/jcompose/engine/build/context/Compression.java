package io.jcompose.engine.build.context;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** The compressions docker accepts for build contexts and ADD, for tests. */
enum Compression {
  PLAIN,
  GZIP,
  BZIP2,
  XZ;

  byte[] apply(byte[] plain) {
    if (this == PLAIN) {
      return plain;
    }
    var compressed = new ByteArrayOutputStream();
    try (OutputStream out = open(compressed)) {
      out.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
  }

  private OutputStream open(OutputStream target) throws IOException {
    return switch (this) {
      case GZIP -> new GzipCompressorOutputStream(target);
      case BZIP2 -> new BZip2CompressorOutputStream(target);
      case XZ -> new XZCompressorOutputStream(target);
      case PLAIN -> target;
    };
  }
}
