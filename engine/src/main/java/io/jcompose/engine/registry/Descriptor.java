package io.jcompose.engine.registry;

import io.jcompose.engine.digest.Digest;
import java.util.Objects;

/** A reference to content in a registry: its media type, digest and size in bytes. */
record Descriptor(String mediaType, Digest digest, long size) {
  Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("a blob size is never negative: " + size);
    }
  }

  /** The 12 hex digits docker shows for a layer in pull progress. */
  String shortId() {
    return digest.hex().substring(0, 12);
  }
}
