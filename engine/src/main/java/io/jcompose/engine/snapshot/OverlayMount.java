package io.jcompose.engine.snapshot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An overlay mount the engine made, as the kernel lists it in {@code /proc/self/mountinfo}.
 *
 * @param containerId the container directory the mount point belongs to
 */
public record OverlayMount(String containerId, Path mountPoint, String options) {
  public OverlayMount {
    Objects.requireNonNull(containerId, "containerId");
    Objects.requireNonNull(mountPoint, "mountPoint");
    Objects.requireNonNull(options, "options");
  }
}
