package io.jcompose.engine.registry;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.JsonLinesProducer;
import io.jcompose.engine.image.Image;
import io.jcompose.engine.image.ImageBlobs;
import io.jcompose.engine.image.ImageFilter;
import io.jcompose.engine.image.ImageReference;
import io.jcompose.engine.image.ImageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * One push, as dockerd streams it: {@code The push refers to repository [...]}, then for each tag
 * its layers ({@code Preparing}, {@code Waiting}, {@code Pushing}, {@code Pushed} or {@code Layer
 * already exists}), its config and its manifest, ending with {@code <tag>: digest: sha256:... size:
 * N} and an {@code aux} line; the pushed digest becomes one of the image's repo digests. Failures
 * are error lines.
 */
final class ImagePush implements JsonLinesProducer {

  /**
   * @param repository the repository, without tag
   * @param tag the tag to push, empty for all of the repository's
   * @param pushed told of each tag pushed
   */
  record Target(
      ImageReference repository,
      Optional<String> tag,
      Optional<RegistryCredentials> credentials,
      Consumer<String> pushed) {}

  /** The {@code aux} line of a pushed tag. */
  record PushedAux(
      @com.fasterxml.jackson.annotation.JsonProperty("Tag") String tag,
      @com.fasterxml.jackson.annotation.JsonProperty("Digest") String digest,
      @com.fasterxml.jackson.annotation.JsonProperty("Size") long size) {}

  private final ImageStore images;
  private final Target target;
  private final RegistryConnector connector;
  private final LayerUploads.Sources sources;
  private final ExecutorService transfers;

  ImagePush(
      ImageStore images,
      Target target,
      RegistryConnector connector,
      LayerUploads.Sources sources,
      ExecutorService transfers) {
    this.images = images;
    this.target = target;
    this.connector = connector;
    this.sources = sources;
    this.transfers = transfers;
  }

  @Override
  public void produce(JsonLines out) throws IOException {
    var progress = new PullProgress(out);
    ImageReference repository = target.repository();
    progress.status("The push refers to repository [" + repository.name() + "]");
    try {
      List<String> tags = tags();
      if (tags.isEmpty()) {
        throw new EngineFault.NotFound(
            "An image does not exist locally with the tag: " + repository.familiarName());
      }
      var transport =
          new RegistryTransport(
              connector.connect(repository.domain()),
              repository.path(),
              target.credentials(),
              RegistryTransport.PUSH);
      for (String tag : tags) {
        pushTag(transport, tag, progress);
      }
    } catch (EngineFault | RegistryException failure) {
      progress.error(failure.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      progress.error("the push of " + repository.familiarName() + " was stopped");
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The tag asked for, or every tag of the repository, sorted; none when the repository has no tags
   * at all (the tag asked for may still be missing: {@link #pushTag} says so).
   */
  private List<String> tags() {
    var tags = new TreeSet<String>();
    for (Image image : images.list(ImageFilter.ALL)) {
      for (ImageReference reference : image.references()) {
        if (reference.tag().isPresent() && reference.repository().equals(target.repository())) {
          tags.add(reference.tag().get());
        }
      }
    }
    if (tags.isEmpty() || target.tag().isEmpty()) {
      return new ArrayList<>(tags);
    }
    return List.of(target.tag().get());
  }

  private void pushTag(RegistryTransport transport, String tag, PullProgress progress)
      throws InterruptedException {
    ImageReference reference =
        new ImageReference(
            target.repository().domain(),
            target.repository().path(),
            Optional.of(tag),
            Optional.empty());
    Image image =
        images
            .find(reference.toString())
            .orElseThrow(
                () ->
                    new EngineFault.NotFound("tag does not exist: " + reference.familiarString()));
    try (ImageBlobs.Held held = images.hold(image.id())) {
      ImageBlobs blobs = held.blobs();
      var uploads = new BlobUploads(transport);
      List<Descriptor> layers =
          new LayerUploads(sources, uploads, transfers).push(blobs.layers(), progress);
      Descriptor config =
          new Descriptor(
              PushedManifest.configMediaType(layers),
              blobs.config(),
              sources.content().size(blobs.config()));
      if (!uploads.exists(config)) {
        uploads.upload(config, () -> sources.content().read(blobs.config()), current -> {});
      }
      PushedManifest manifest = PushedManifest.of(config, layers);
      Digest digest = uploads.putManifest(tag, manifest);
      images.addRepoDigest(image.id(), target.repository().withDigest(digest));
      progress.status(tag + ": digest: " + digest + " size: " + manifest.body().length);
      progress.aux(new PushedAux(tag, digest.toString(), manifest.body().length));
      target.pushed().accept(reference.familiarString());
    }
  }
}
