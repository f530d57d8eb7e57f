package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image the engine holds: what {@code GET /images/json} and {@code GET /images/{name}/json}
 * report.
 *
 * @param id {@code sha256:} + the sha256 of the config JSON
 * @param references the tags ({@code name:tag}) and repo digests ({@code name@sha256:...}) that
 *     point at it, normalised, sorted
 * @param size bytes of file content in its layers
 * @param lastTagTime when it was last tagged (or loaded with a tag)
 * @param parent the image a build step made it from
 */
public record Image(
    Digest id,
    List<ImageReference> references,
    ImageConfig config,
    long size,
    Optional<Instant> lastTagTime,
    Optional<Digest> parent) {

  public Image {
    Objects.requireNonNull(id, "id");
    references = List.copyOf(references);
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(lastTagTime, "lastTagTime");
    Objects.requireNonNull(parent, "parent");
  }

  /** {@code RepoTags} as docker prints them: {@code busybox:latest}, {@code localhost:5000/x:1}. */
  public List<String> repoTags() {
    return references.stream()
        .filter(reference -> reference.tag().isPresent())
        .map(ImageReference::familiarString)
        .toList();
  }

  /** {@code RepoDigests}: {@code busybox@sha256:...}. */
  public List<String> repoDigests() {
    return references.stream()
        .filter(reference -> reference.tag().isEmpty() && reference.digest().isPresent())
        .map(ImageReference::familiarString)
        .toList();
  }

  /** An image no tag points at. */
  public boolean isDangling() {
    return references.stream().noneMatch(reference -> reference.tag().isPresent());
  }

  /** The uncompressed layers' digests, bottom first. */
  public List<Digest> diffIds() {
    return config.diffIds();
  }
}
