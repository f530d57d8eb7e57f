package io.jcompose.engine.snapshot;

import io.jcompose.engine.digest.Digest;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An unpacked layer, shared by every image that lists its diff_id.
 *
 * @param directory the layer's files, an overlayfs lower dir (never written once unpacked)
 * @param size bytes of regular-file content in the layer
 * @param tarLength length of the uncompressed layer tar the layer was unpacked from
 */
public record Layer(Digest diffId, Path directory, long size, long tarLength) {
  public Layer {
    Objects.requireNonNull(diffId, "diffId");
    Objects.requireNonNull(directory, "directory");
  }
}
