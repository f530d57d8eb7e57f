package io.jcompose.engine.registry;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Downloads an image's config and the layers the content store lacks, at most {@link
 * Transfers#PARALLEL} layers at a time on the engine's transfer threads, each checked against its
 * digest and size before it is kept. The first failure stops the other downloads.
 */
final class LayerDownloads {

  private final RegistryTransport transport;
  private final ContentStore content;
  private final ExecutorService threads;

  LayerDownloads(RegistryTransport transport, ContentStore content, ExecutorService threads) {
    this.transport = transport;
    this.content = content;
    this.threads = threads;
  }

  /**
   * @return the layer blobs that were already in the content store
   * @throws EngineFault.InvalidArgument when a blob does not match its digest
   * @throws RegistryException when the registry lacks a blob or cannot be reached
   */
  Set<Digest> download(ManifestDocument.ImageManifest manifest, PullProgress progress)
      throws InterruptedException {
    Set<Digest> present = new HashSet<>();
    var missing = new ArrayList<Descriptor>();
    for (Descriptor layer : manifest.layers()) {
      if (content.exists(layer.digest()) || present.contains(layer.digest())) {
        present.add(layer.digest());
        progress.layer(layer, "Already exists");
      } else if (!missing.contains(layer)) {
        missing.add(layer);
        progress.layer(layer, "Pulling fs layer");
      }
    }
    if (!content.exists(manifest.config().digest())) {
      fetch(manifest.config(), current -> {});
    }
    var downloads = new ArrayList<Transfers.Transfer>();
    for (Descriptor layer : missing) {
      downloads.add(
          () -> {
            fetch(layer, progress.downloads(layer));
            progress.layer(layer, "Verifying Checksum");
            progress.layer(layer, "Download complete");
          });
    }
    Transfers.runAll(threads, downloads);
    return present;
  }

  private void fetch(Descriptor blob, java.util.function.LongConsumer reporter)
      throws InterruptedException {
    try (ResumingBlobStream stream = ResumingBlobStream.open(transport, blob, reporter)) {
      content.ingest(stream, blob.digest(), OptionalLong.of(blob.size()));
    } catch (EngineFault.InvalidArgument mismatch) {
      throw new EngineFault.InvalidArgument(
          "filesystem layer verification failed for digest "
              + blob.digest()
              + ": "
              + mismatch.getMessage(),
          mismatch);
    } catch (IOException e) {
      throw new RegistryException.Unreachable(
          "downloading " + blob.digest() + ": " + RegistryTransport.describe(e), e);
    }
  }
}
