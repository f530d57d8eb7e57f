package io.jcompose.planner.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A local image.
 *
 * @param id {@code sha256:...}
 * @param repoTags the {@code name:tag} references pointing at it
 */
public record ImageSummary(String id, List<String> repoTags, Map<String, String> labels) {

  public ImageSummary {
    Objects.requireNonNull(id, "id");
    repoTags = List.copyOf(repoTags);
    labels = Map.copyOf(labels);
  }
}
