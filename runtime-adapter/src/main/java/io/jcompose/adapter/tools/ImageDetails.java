package io.jcompose.adapter.tools;

import java.util.List;
import java.util.Objects;

/**
 * An image as {@code images} lists it.
 *
 * @param id {@code sha256:...}
 * @param repoTags {@code repository:tag} names, possibly none
 * @param size bytes on disk
 */
public record ImageDetails(String id, List<String> repoTags, long size) {

  public ImageDetails {
    Objects.requireNonNull(id, "id");
    repoTags = List.copyOf(repoTags);
    if (size < 0) {
      throw new IllegalArgumentException("negative image size " + size);
    }
  }
}
