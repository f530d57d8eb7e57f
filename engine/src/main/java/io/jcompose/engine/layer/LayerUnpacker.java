package io.jcompose.engine.layer;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.digest.DigestingInputStream;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies one layer tar (plain, gzip, zstd or bzip2) into an empty layer directory ready to be an
 * overlayfs lower layer: docker's {@code .wh.NAME} files become 0:0 character devices, {@code
 * .wh..wh..opq} becomes the {@code trusted.overlay.opaque} attribute, and any entry that would
 * write outside the directory (an absolute name, {@code ..}, a write through a symbolic link, a
 * hard link to a file not in this layer) is refused. The uncompressed stream is hashed on the way,
 * so the caller learns the layer's diff_id in the same pass.
 */
public final class LayerUnpacker {

  private LayerUnpacker() {}

  /**
   * Unpacks {@code layer} into {@code directory}, which must be missing or empty. On any failure,
   * the directory is removed again.
   *
   * @param expectedDiffId when given, the uncompressed stream must hash to it
   * @throws EngineFault.InvalidArgument for a hostile entry, a corrupt or truncated stream, or a
   *     diff_id mismatch, naming the entry or both digests
   */
  public static UnpackedLayer unpack(
      InputStream layer, Path directory, Optional<Digest> expectedDiffId) {
    createEmpty(directory);
    boolean unpacked = false;
    try (InputStream uncompressed = decompress(layer)) {
      var digesting = new DigestingInputStream(uncompressed);
      var writer = new LayerWriter(directory);
      var tar = new TarArchiveInputStream(digesting, StandardCharsets.UTF_8.name());
      var content = new ReadFailureMarking(tar);
      TarArchiveEntry entry;
      while ((entry = nextEntry(tar)) != null) {
        writer.apply(entry, content);
      }
      writer.finish();
      try {
        digesting.drain();
      } catch (IOException e) {
        throw new ReadFailure(e);
      }
      Digest diffId = digesting.digest();
      if (expectedDiffId.isPresent() && !expectedDiffId.get().equals(diffId)) {
        throw new EngineFault.InvalidArgument(
            "layer diff_id mismatch: expected " + expectedDiffId.get() + ", got " + diffId);
      }
      unpacked = true;
      return new UnpackedLayer(diffId, digesting.byteCount(), writer.size());
    } catch (ReadFailure e) {
      throw new EngineFault.InvalidArgument(
          "the layer is not a valid tar stream: " + e.getCause().getMessage(), e.getCause());
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot unpack a layer into " + directory + ": " + e, e);
    } finally {
      if (!unpacked) {
        try {
          DirectoryTree.delete(directory);
        } catch (IOException e) {
          // the directory is left for the snapshotter's start-up clean-up
        }
      }
    }
  }

  private static InputStream decompress(InputStream layer) throws ReadFailure {
    try {
      return Decompression.open(layer);
    } catch (IOException e) {
      throw new ReadFailure(e);
    }
  }

  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar) throws ReadFailure {
    try {
      return tar.getNextEntry();
    } catch (IOException e) {
      throw new ReadFailure(e);
    }
  }

  private static void createEmpty(Path directory) {
    try {
      Files.createDirectories(directory);
      try (var entries = Files.list(directory)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("layer directory " + directory + " is not empty");
        }
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot create the layer directory " + directory, e);
    }
  }

  /** A failure to read the layer stream, as opposed to one writing the layer directory. */
  private static final class ReadFailure extends IOException {
    ReadFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Marks read failures of entry content, so a truncated entry is the layer's fault. */
  private static final class ReadFailureMarking extends FilterInputStream {
    ReadFailureMarking(InputStream tar) {
      super(tar);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw new ReadFailure(e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw new ReadFailure(e);
      }
    }

    @Override
    public void close() {
      // the tar stream outlives each entry
    }
  }
}
