package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;

/**
 * What an image load or import reports as it goes; {@link #message()} is the line dockerd prints
 * for it.
 */
public sealed interface LoadProgress {

  String message();

  /** A layer is in place: unpacked now, or found unpacked and its blob verified. */
  record LayerLoaded(Digest diffId, boolean alreadyPresent) implements LoadProgress {
    @Override
    public String message() {
      return (alreadyPresent ? "Layer already exists " : "Loaded layer ") + diffId.shortHex();
    }
  }

  /** A tag moved to the loaded image from another one. */
  record TagMoved(String reference, Digest previousImageId) implements LoadProgress {
    @Override
    public String message() {
      return "The image "
          + reference
          + " already exists, renaming the old one with ID "
          + previousImageId
          + " to empty string";
    }
  }

  /** An image was loaded under this tag. */
  record ImageLoaded(String reference) implements LoadProgress {
    @Override
    public String message() {
      return "Loaded image: " + reference;
    }
  }

  /** An image without a tag was loaded. */
  record ImageLoadedById(Digest imageId) implements LoadProgress {
    @Override
    public String message() {
      return "Loaded image ID: " + imageId;
    }
  }
}
