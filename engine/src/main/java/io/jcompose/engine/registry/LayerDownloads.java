package io.jcompose.engine.registry;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads an image's config and the layers the content store lacks, at most {@link #PARALLEL}
 * layers at a time, each checked against its digest and size before it is kept. The first failure
 * stops the other downloads.
 */
final class LayerDownloads {

  static final int PARALLEL = 3;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final RegistryTransport transport;
  private final ContentStore content;

  LayerDownloads(RegistryTransport transport, ContentStore content) {
    this.transport = transport;
    this.content = content;
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
    ExecutorService pool =
        Executors.newFixedThreadPool(
            PARALLEL,
            task -> {
              Thread thread = new Thread(task, "registry-pull-" + THREADS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      var downloads = new ArrayList<Future<Void>>();
      for (Descriptor layer : missing) {
        downloads.add(
            pool.submit(
                () -> {
                  fetch(layer, progress.downloads(layer));
                  progress.layer(layer, "Verifying Checksum");
                  progress.layer(layer, "Download complete");
                  return null;
                }));
      }
      awaitAll(downloads);
    } finally {
      pool.shutdownNow();
    }
    return present;
  }

  private static void awaitAll(List<Future<Void>> downloads) throws InterruptedException {
    for (Future<Void> download : downloads) {
      try {
        download.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof InterruptedException interrupted) {
          throw interrupted;
        }
        throw new EngineFault.Internal("a layer download failed: " + cause, cause);
      }
    }
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
