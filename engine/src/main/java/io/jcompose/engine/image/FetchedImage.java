package io.jcompose.engine.image;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import java.util.List;
import java.util.Objects;

/**
 * An image whose config and layer blobs a fetch (a registry pull) put in the content store, with
 * their digests verified, before its layers are unpacked.
 *
 * @param origin what it came from, for error messages ({@code 127.0.0.1:5000/x/busybox:1})
 * @param config the digest of its config blob, the image id
 * @param layerBlobs its layer blobs, bottom first
 * @param references the tag and the repo digest it is to get
 */
public record FetchedImage(
    String origin, Digest config, List<Digest> layerBlobs, List<ImageReference> references) {
  public FetchedImage {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(config, "config");
    layerBlobs = List.copyOf(layerBlobs);
    references = List.copyOf(references);
  }

  /** Puts the blobs of an image into the content store, checking each digest. */
  @FunctionalInterface
  public interface Fetch {
    FetchedImage fetch(ContentStore content);
  }
}
