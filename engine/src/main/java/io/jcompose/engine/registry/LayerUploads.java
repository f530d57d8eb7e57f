package io.jcompose.engine.registry;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.ImageBlobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Pushes an image's layers, at most {@link Transfers#PARALLEL} at a time: a compressed blob (a
 * pulled layer) as it is, an uncompressed one (a loaded layer) gzipped ({@link CompressedLayers});
 * a blob the registry has is not sent again. Progress lines name a layer by its diff_id, as
 * dockerd's do.
 */
final class LayerUploads {

  private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};
  private static final byte[] ZSTD_MAGIC = {(byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd};

  /** Where layers come from: the content store, and the gzip form of uncompressed ones. */
  record Sources(ContentStore content, CompressedLayers compressed) {}

  private final Sources sources;
  private final BlobUploads uploads;
  private final ExecutorService transfers;

  LayerUploads(Sources sources, BlobUploads uploads, ExecutorService transfers) {
    this.sources = sources;
    this.uploads = uploads;
    this.transfers = transfers;
  }

  /**
   * @return the pushed layers' descriptors, bottom first
   */
  List<Descriptor> push(List<ImageBlobs.LayerBlob> layers, PullProgress progress)
      throws InterruptedException {
    List<Integer> order = new ArrayList<>();
    var seen = new ArrayList<Digest>();
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (!seen.contains(layers.get(i).blob())) {
        seen.add(layers.get(i).blob());
        order.add(i);
        progress.layer(shortId(layers.get(i)), "Preparing");
      }
    }
    for (int i = Transfers.PARALLEL; i < order.size(); i++) {
      progress.layer(shortId(layers.get(order.get(i))), "Waiting");
    }
    Descriptor[] pushed = new Descriptor[layers.size()];
    var work = new ArrayList<Transfers.Transfer>();
    for (int index : order) {
      work.add(() -> pushed[index] = push(layers.get(index), progress));
    }
    Transfers.runAll(transfers, work);
    for (int i = 0; i < pushed.length; i++) {
      if (pushed[i] == null) {
        pushed[i] = pushed[topmost(layers, layers.get(i).blob())];
      }
    }
    return List.of(pushed);
  }

  private Descriptor push(ImageBlobs.LayerBlob layer, PullProgress progress)
      throws InterruptedException {
    String id = shortId(layer);
    Optional<String> compressedType = compressedMediaType(layer.blob());
    if (compressedType.isPresent()) {
      var blob =
          new Descriptor(compressedType.get(), layer.blob(), sources.content().size(layer.blob()));
      return send(blob, () -> sources.content().read(layer.blob()), id, progress);
    }
    Optional<Descriptor> known = sources.compressed().lookup(layer.diffId());
    if (known.isPresent() && uploads.exists(known.get())) {
      progress.layer(id, "Layer already exists");
      return known.get();
    }
    try (CompressedLayers.Compressed compressed =
        sources.compressed().compress(layer.diffId(), sources.content().read(layer.blob()))) {
      var blob =
          new Descriptor(MediaTypes.DOCKER_LAYER_GZIP, compressed.digest(), compressed.size());
      return send(blob, () -> open(compressed), id, progress);
    }
  }

  /** Uploads a blob unless the registry has it. */
  private Descriptor send(
      Descriptor blob, Supplier<InputStream> source, String id, PullProgress progress)
      throws InterruptedException {
    if (uploads.exists(blob)) {
      progress.layer(id, "Layer already exists");
    } else {
      uploads.upload(blob, source, progress.uploads(id, blob.size()));
      progress.layer(id, "Pushed");
    }
    return blob;
  }

  /** The media type of a gzip or zstd blob; empty for a plain tar. */
  private Optional<String> compressedMediaType(Digest blob) {
    byte[] head;
    try (InputStream in = sources.content().read(blob)) {
      head = in.readNBytes(ZSTD_MAGIC.length);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read layer " + blob, e);
    }
    if (startsWith(head, GZIP_MAGIC)) {
      return Optional.of(MediaTypes.DOCKER_LAYER_GZIP);
    }
    if (startsWith(head, ZSTD_MAGIC)) {
      return Optional.of(MediaTypes.OCI_LAYER_ZSTD);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
  }

  private static InputStream open(CompressedLayers.Compressed compressed) {
    try {
      return Files.newInputStream(compressed.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The highest layer with the blob: the one pushed for all that share it. */
  private static int topmost(List<ImageBlobs.LayerBlob> layers, Digest blob) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i).blob().equals(blob)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no layer " + blob);
  }

  private static String shortId(ImageBlobs.LayerBlob layer) {
    return layer.diffId().hex().substring(0, 12);
  }
}
