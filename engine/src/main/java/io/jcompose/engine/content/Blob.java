package io.jcompose.engine.content;

import io.jcompose.engine.digest.Digest;
import java.util.Objects;

/** A blob in the content store: its digest and its size in bytes. */
public record Blob(Digest digest, long size) {
  public Blob {
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("negative blob size " + size);
    }
  }
}
