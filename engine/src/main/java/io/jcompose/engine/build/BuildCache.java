package io.jcompose.engine.build;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.image.ImageStore;
import io.jcompose.engine.state.RecordStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The build cache: a step's key to the image it made, one record per key under {@code
 * <root>/build/cache}, so it survives an engine restart. An entry whose image was removed is a miss
 * and goes.
 */
final class BuildCache {

  private final RecordStore records;
  private final ImageStore images;

  BuildCache(Path root, ImageStore images) {
    this.records = new RecordStore(root.resolve("build").resolve("cache"));
    this.images = images;
  }

  Optional<Digest> find(StepKey key) {
    Optional<String> id = records.read(key.hex());
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Digest image = Digest.parse(id.get().strip());
    if (images.find(image.toString()).isEmpty()) {
      records.delete(key.hex());
      return Optional.empty();
    }
    return Optional.of(image);
  }

  void remember(StepKey key, Digest image) {
    records.write(key.hex(), image.toString());
  }
}
