package io.jcompose.engine.image;

import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.snapshot.Layer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The image a {@link ImageCommit} makes: its parent's layers, diff_ids and history (or none, on
 * {@code scratch}), the step's layer if it changed files, a history entry, the config written as a
 * blob. The parent's platform and author carry over unless the commit names an author.
 */
final class CommittedImage {

  private CommittedImage() {}

  /**
   * @param layer the step's layer, already in the snapshotter; empty for a config-only step
   */
  static ArchiveLoader.LoadedImage assemble(
      ImageCommit commit,
      Optional<Catalog.Entry> parent,
      Optional<Layer> layer,
      Instant now,
      ContentStore content)
      throws IOException {
    var layers = new ArrayList<StoredImage.StoredLayer>();
    var diffIds = new ArrayList<Digest>();
    var history = new ArrayList<ImageConfig.History>();
    long size = 0;
    ImageConfig.Platform imagePlatform = commit.platform();
    if (parent.isPresent()) {
      layers.addAll(parent.get().stored().layers());
      diffIds.addAll(parent.get().config().diffIds());
      history.addAll(parent.get().config().history());
      size = parent.get().stored().size();
      imagePlatform = parent.get().config().platform();
    }
    if (layer.isPresent()) {
      Digest diffId = layer.get().diffId();
      layers.add(
          new StoredImage.StoredLayer(
              diffId.toString(), diffId.toString(), layer.get().tarLength()));
      diffIds.add(diffId);
      size += layer.get().size();
    }
    Optional<Instant> created = Optional.of(now);
    history.add(
        new ImageConfig.History(created, commit.createdBy(), commit.comment(), layer.isEmpty()));
    String author =
        commit.author().isEmpty()
            ? parent.map(entry -> entry.config().author()).orElse("")
            : commit.author();
    var config =
        new ImageConfig(
            imagePlatform,
            created,
            author,
            commit.comment(),
            "",
            commit.runConfig(),
            diffIds,
            history);
    byte[] json = ConfigTranslator.write(config);
    Digest id = content.ingest(new ByteArrayInputStream(json)).digest();
    var stored =
        new StoredImage(
            id.toString(), layers, size, null, commit.parent().map(Digest::toString).orElse(null));
    return new ArchiveLoader.LoadedImage(stored, ConfigTranslator.parse(id, json), List.of());
  }
}
