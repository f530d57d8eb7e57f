package io.jcompose.model.project;

import java.util.Objects;
import java.util.Optional;

/**
 * A service's use of a top-level secret or config.
 *
 * @param target where it appears in the container; for secrets the canonical stage fills in {@code
 *     /run/secrets/<source>}
 * @param mode file permissions, if given
 */
public record FileMount(
    String source,
    Optional<String> target,
    Optional<String> uid,
    Optional<String> gid,
    Optional<Integer> mode) {

  public FileMount {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new IllegalArgumentException("a secret or config mount needs a source");
    }
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(gid, "gid");
    Objects.requireNonNull(mode, "mode");
  }
}
