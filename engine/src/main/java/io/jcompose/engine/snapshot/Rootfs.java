package io.jcompose.engine.snapshot;

import io.jcompose.engine.digest.Digest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A container's root filesystem: an overlay of its image's layers with a writable upper dir.
 *
 * @param mergedDirectory where the overlay is mounted: the container's {@code root.path}
 * @param layers the image's diff_ids, bottom first
 */
public record Rootfs(
    String containerId,
    Path mergedDirectory,
    Path upperDirectory,
    Path workDirectory,
    List<Digest> layers) {
  public Rootfs {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(mergedDirectory, "mergedDirectory");
    Objects.requireNonNull(upperDirectory, "upperDirectory");
    Objects.requireNonNull(workDirectory, "workDirectory");
    layers = List.copyOf(layers);
  }
}
