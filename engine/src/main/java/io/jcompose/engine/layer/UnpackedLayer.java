package io.jcompose.engine.layer;

import io.jcompose.engine.digest.Digest;
import java.util.Objects;

/**
 * What unpacking a layer found.
 *
 * @param diffId the sha256 of the uncompressed tar stream, as an image config's rootfs lists it
 * @param tarLength the length of the uncompressed tar stream in bytes
 * @param size the bytes of regular-file content written into the layer directory
 */
public record UnpackedLayer(Digest diffId, long tarLength, long size) {
  public UnpackedLayer {
    Objects.requireNonNull(diffId, "diffId");
    if (tarLength < 0 || size < 0) {
      throw new IllegalArgumentException("negative layer length " + tarLength + " or size " + size);
    }
  }
}
