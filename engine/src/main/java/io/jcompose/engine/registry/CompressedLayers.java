package io.jcompose.engine.registry;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.state.RecordStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The gzip form of layers the content store keeps uncompressed (those of {@code docker load}): made
 * for a push in a scratch file (no timestamp or name in the gzip header, one compression level, so
 * the same tar gives the same blob), and remembered by diff_id so the next push asks the registry
 * for that blob before compressing again.
 */
final class CompressedLayers {

  private final RecordStore known;
  private final Path scratch;

  /** A compressed layer in a scratch file that {@link #close} deletes. */
  record Compressed(Path file, Digest digest, long size) implements AutoCloseable {
    @Override
    public void close() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new EngineFault.Internal("cannot delete " + file, e);
      }
    }
  }

  /**
   * Opens the record under {@code directory} and removes scratch files a crash left.
   *
   * @param directory {@code <data-root>/registry}
   */
  CompressedLayers(Path directory) {
    this.known = new RecordStore(directory.resolve("compressed"));
    this.scratch = directory.resolve("uploads");
    try {
      Files.createDirectories(scratch);
      try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(scratch)) {
        for (Path leftover : leftovers) {
          Files.deleteIfExists(leftover);
        }
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot prepare " + scratch, e);
    }
  }

  /** The compressed blob a layer was pushed as before, if any. */
  Optional<Descriptor> lookup(Digest diffId) {
    return known
        .read(diffId.hex())
        .map(
            text -> {
              String[] parts = text.strip().split(" ", 2);
              return new Descriptor(
                  MediaTypes.DOCKER_LAYER_GZIP, Digest.parse(parts[0]), Long.parseLong(parts[1]));
            });
  }

  /** Compresses a layer's tar into a scratch file and remembers its digest. */
  Compressed compress(Digest diffId, InputStream tar) {
    Path file = scratch.resolve(UUID.randomUUID() + ".tar.gz");
    MessageDigest hasher = Digest.newMessageDigest();
    try (tar;
        OutputStream out = new DigestOutputStream(Files.newOutputStream(file), hasher);
        OutputStream gzip = new FixedGzip(out)) {
      tar.transferTo(gzip);
    } catch (IOException e) {
      deleteQuietly(file);
      throw new EngineFault.Internal("cannot compress layer " + diffId + ": " + e.getMessage(), e);
    }
    try {
      var compressed = new Compressed(file, Digest.fromHash(hasher.digest()), Files.size(file));
      known.write(diffId.hex(), compressed.digest() + " " + compressed.size());
      return compressed;
    } catch (IOException e) {
      deleteQuietly(file);
      throw new EngineFault.Internal("cannot read " + file, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a scratch file is removed at the next start
    }
  }

  /** gzip at the default level; the JDK writes no time, name or OS into the header. */
  private static final class FixedGzip extends GZIPOutputStream {
    FixedGzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.DEFAULT_COMPRESSION);
    }
  }
}
