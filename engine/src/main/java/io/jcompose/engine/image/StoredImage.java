package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What the engine keeps of an image beside its config blob: where each layer's blob is in the
 * content store, the unpacked size, and when it was last tagged. Written as one JSON record per
 * image; the config itself stays in the content store under the image id.
 *
 * @param lastTagTime RFC 3339, or null when never tagged
 * @param parent the image a build step made it from ({@code sha256:...}), or null
 */
record StoredImage(
    String id, List<StoredLayer> layers, long size, String lastTagTime, String parent) {

  StoredImage {
    Objects.requireNonNull(id, "id");
    layers = List.copyOf(layers);
  }

  StoredImage(String id, List<StoredLayer> layers, long size, String lastTagTime) {
    this(id, layers, size, lastTagTime, null);
  }

  /**
   * A layer: its diff_id, the (possibly compressed) blob it was unpacked from, and the length of
   * the uncompressed tar (what {@code docker save} writes as the layer's size).
   */
  record StoredLayer(String diffId, String blob, long tarLength) {}

  Digest imageId() {
    return Digest.parse(id);
  }

  List<Digest> blobs() {
    return layers.stream().map(layer -> Digest.parse(layer.blob())).toList();
  }

  StoredImage withLastTagTime(String time) {
    return new StoredImage(id, layers, size, time, parent);
  }
}
