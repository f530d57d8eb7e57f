package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import java.util.List;
import java.util.Objects;

/**
 * Where an image is in the content store, for a push: its config blob (the image id) and each
 * layer's blob, bottom first, as it was loaded or pulled (compressed or not).
 */
public record ImageBlobs(Digest config, List<LayerBlob> layers) {

  public ImageBlobs {
    Objects.requireNonNull(config, "config");
    layers = List.copyOf(layers);
  }

  /** A layer: its diff_id (the digest of its uncompressed tar) and the blob it is kept as. */
  public record LayerBlob(Digest diffId, Digest blob) {
    public LayerBlob {
      Objects.requireNonNull(diffId, "diffId");
      Objects.requireNonNull(blob, "blob");
    }
  }

  /** The blobs, kept from garbage collection until closed. */
  public record Held(ImageBlobs blobs, Release release) implements AutoCloseable {
    @Override
    public void close() {
      release.release();
    }
  }

  /** Lets go of held blobs. */
  @FunctionalInterface
  public interface Release {
    void release();
  }
}
