package io.jcompose.engine.image;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.digest.Digest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /images/{name}/history}: the image's history entries newest first, each with the size
 * of the layer it made, and the id and tags of the image it ended where the engine knows it (the
 * image and its build parents), {@code <missing>} elsewhere, as dockerd answers.
 */
final class ImageHistory {

  record Item(
      @JsonProperty("Id") String id,
      @JsonProperty("Created") long created,
      @JsonProperty("CreatedBy") String createdBy,
      @JsonProperty("Tags") List<String> tags,
      @JsonProperty("Size") long size,
      @JsonProperty("Comment") String comment) {}

  private ImageHistory() {}

  static List<Item> of(ImageStore images, String reference) {
    Image image = images.inspect(reference);
    ImageConfig config = image.config();
    List<ImageConfig.History> history = config.history();
    var ids = new String[history.size()];
    var tags = new ArrayList<List<String>>(Collections.nCopies(history.size(), null));
    Optional<Image> current = Optional.of(image);
    while (current.isPresent()) {
      int last = current.get().config().history().size() - 1;
      if (last >= 0 && last < ids.length && ids[last] == null) {
        ids[last] = current.get().id().toString();
        List<String> repoTags = current.get().repoTags();
        tags.set(last, repoTags.isEmpty() ? null : repoTags);
      }
      current = current.get().parent().flatMap(parent -> images.find(parent.toString()));
    }
    var items = new ArrayList<Item>();
    int layer = 0;
    for (int i = 0; i < history.size(); i++) {
      ImageConfig.History step = history.get(i);
      long size = 0;
      if (!step.emptyLayer() && layer < config.diffIds().size()) {
        Digest diffId = config.diffIds().get(layer++);
        size = images.layerSize(diffId);
      }
      items.add(
          new Item(
              ids[i] == null ? "<missing>" : ids[i],
              step.created().map(Instant::getEpochSecond).orElse(0L),
              step.createdBy(),
              tags.get(i),
              size,
              step.comment()));
    }
    Collections.reverse(items);
    return items;
  }
}
