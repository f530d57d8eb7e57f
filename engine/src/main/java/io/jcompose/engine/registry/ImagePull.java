package io.jcompose.engine.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.JsonLinesProducer;
import io.jcompose.engine.image.FetchedImage;
import io.jcompose.engine.image.ImageReference;
import io.jcompose.engine.image.ImageStore;
import io.jcompose.engine.image.LoadProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * One pull, once its manifest is resolved: says where it pulls from, downloads the config and the
 * missing layers ({@link LayerDownloads}) into the content store, has the image store unpack and
 * register them, and ends with docker's {@code Status:} line. A failure after the stream started is
 * an error line, and leaves nothing behind.
 */
final class ImagePull implements JsonLinesProducer {

  private final ImageStore images;
  private final RegistryTransport transport;
  private final ImageReference reference;
  private final ManifestResolver.Resolved resolved;
  private final ExecutorService transfers;

  ImagePull(
      ImageStore images,
      RegistryTransport transport,
      ImageReference reference,
      ManifestResolver.Resolved resolved,
      ExecutorService transfers) {
    this.images = images;
    this.transport = transport;
    this.reference = reference;
    this.resolved = resolved;
    this.transfers = transfers;
  }

  @Override
  public void produce(JsonLines out) throws IOException {
    var progress = new PullProgress(out);
    progress.status("Pulling from " + reference.path(), PullReference.manifestReference(reference));
    Digest imageId = resolved.manifest().config().digest();
    boolean upToDate =
        images.find(reference.toString()).map(image -> image.id().equals(imageId)).orElse(false);
    try {
      if (!upToDate) {
        Set<Digest> alreadyPresent = ConcurrentHashMap.newKeySet();
        Set<Digest> blobs = new HashSet<>();
        blobs.add(imageId);
        resolved.manifest().layers().forEach(layer -> blobs.add(layer.digest()));
        images.storeFetched(
            blobs,
            content -> fetch(content, progress, alreadyPresent),
            extracted(progress, alreadyPresent));
      }
    } catch (EngineFault fault) {
      out.write(errorLine(fault.getMessage()));
      return;
    } catch (RegistryException failure) {
      out.write(errorLine(PullFaults.of(failure, reference).getMessage()));
      return;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    progress.status("Digest: " + resolved.digest());
    progress.status(
        (upToDate ? "Status: Image is up to date for " : "Status: Downloaded newer image for ")
            + reference.familiarString());
  }

  private FetchedImage fetch(
      ContentStore content, PullProgress progress, Set<Digest> alreadyPresent) {
    try {
      alreadyPresent.addAll(
          new LayerDownloads(transport, content, transfers)
              .download(resolved.manifest(), progress));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineFault.Unavailable(
          "the pull of " + reference.familiarString() + " was stopped", e);
    }
    var layerBlobs = new ArrayList<Digest>();
    resolved.manifest().layers().forEach(layer -> layerBlobs.add(layer.digest()));
    var references = new ArrayList<ImageReference>();
    if (reference.tag().isPresent()) {
      references.add(reference);
    }
    references.add(reference.withDigest(resolved.digest()));
    return new FetchedImage(
        reference.familiarString(), resolved.manifest().config().digest(), layerBlobs, references);
  }

  /** Each unpacked layer, in order, is {@code Extracting} then {@code Pull complete}. */
  private Consumer<LoadProgress> extracted(PullProgress progress, Set<Digest> alreadyPresent) {
    List<Descriptor> layers = resolved.manifest().layers();
    int[] next = {0};
    return event -> {
      if (event instanceof LoadProgress.LayerLoaded && next[0] < layers.size()) {
        Descriptor layer = layers.get(next[0]++);
        if (alreadyPresent.contains(layer.digest())) {
          return;
        }
        progress.layer(layer, "Extracting");
        progress.layer(layer, "Pull complete");
      }
    };
  }

  record ErrorLine(
      @JsonProperty("errorDetail") Map<String, String> errorDetail,
      @JsonProperty("error") String error) {}

  private static ErrorLine errorLine(String message) {
    return new ErrorLine(Map.of("message", message), message);
  }
}
