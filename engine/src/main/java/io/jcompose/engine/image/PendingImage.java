package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import java.util.List;
import java.util.Objects;

/**
 * An image an archive describes, before its layers are checked and unpacked.
 *
 * @param origin where the archive describes it, for error messages ({@code manifest.json entry 1})
 * @param config the digest of its config blob, which is the image id
 * @param layerBlobs its layer blobs in the content store, bottom first
 * @param references the tags and repo digests it is to get
 */
record PendingImage(
    String origin, Digest config, List<Digest> layerBlobs, List<ImageReference> references) {
  PendingImage {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(config, "config");
    layerBlobs = List.copyOf(layerBlobs);
    references = List.copyOf(references);
  }
}
