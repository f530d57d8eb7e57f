package io.jcompose.engine.image;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.digest.DigestingInputStream;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.layer.Decompression;
import io.jcompose.engine.snapshot.Layer;
import io.jcompose.engine.snapshot.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Puts an image's layers in place: each blob is unpacked into the snapshotter with its diff_id
 * checked, or, when a layer with that diff_id is already unpacked, the blob is still hashed so a
 * blob that does not match its diff_id is never kept.
 */
final class LayerInstaller {

  private final ContentStore content;
  private final Snapshotter snapshots;

  LayerInstaller(ContentStore content, Snapshotter snapshots) {
    this.content = content;
    this.snapshots = snapshots;
  }

  /**
   * @throws EngineFault.InvalidArgument naming the image's origin and the layer when the config's
   *     diff_ids do not match the layers
   */
  StoredImage install(
      Digest imageId,
      ImageConfig config,
      List<Digest> layerBlobs,
      String origin,
      Consumer<LoadProgress> progress) {
    List<Digest> diffIds = config.diffIds();
    if (diffIds.size() != layerBlobs.size()) {
      throw new EngineFault.InvalidArgument(
          origin
              + ": the config lists "
              + diffIds.size()
              + " diff_ids but there are "
              + layerBlobs.size()
              + " layers");
    }
    var layers = new ArrayList<StoredImage.StoredLayer>();
    long size = 0;
    for (int i = 0; i < diffIds.size(); i++) {
      Digest diffId = diffIds.get(i);
      Digest blob = layerBlobs.get(i);
      String layerName = origin + ", layer " + (i + 1) + " (blob " + blob + ")";
      Optional<Layer> existing = snapshots.layer(diffId);
      long tarLength;
      if (existing.isPresent()) {
        tarLength = verify(blob, diffId, layerName);
        size += existing.get().size();
      } else {
        Layer layer = unpack(blob, diffId, layerName);
        tarLength = layer.tarLength();
        size += layer.size();
      }
      layers.add(new StoredImage.StoredLayer(diffId.toString(), blob.toString(), tarLength));
      progress.accept(new LoadProgress.LayerLoaded(diffId, existing.isPresent()));
    }
    return new StoredImage(imageId.toString(), layers, size, null);
  }

  private Layer unpack(Digest blob, Digest diffId, String layerName) {
    try (InputStream stream = content.read(blob)) {
      return snapshots.unpack(stream, Optional.of(diffId));
    } catch (EngineFault.InvalidArgument e) {
      throw new EngineFault.InvalidArgument(layerName + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read " + layerName, e);
    }
  }

  /** Hashes the uncompressed blob; returns its length. */
  private long verify(Digest blob, Digest diffId, String layerName) {
    try (InputStream stream = Decompression.open(content.read(blob))) {
      var digesting = new DigestingInputStream(stream);
      digesting.drain();
      if (!digesting.digest().equals(diffId)) {
        throw new EngineFault.InvalidArgument(
            layerName
                + ": layer diff_id mismatch: expected "
                + diffId
                + ", got "
                + digesting.digest());
      }
      return digesting.byteCount();
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument(layerName + " is corrupt: " + e.getMessage(), e);
    }
  }
}
