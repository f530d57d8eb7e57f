package io.jcompose.engine.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A local volume: a directory ({@code mountpoint}) that containers mount by name. {@code options}
 * are the driver options it was created with ({@code type}, {@code device}, {@code o}), applied by
 * whoever mounts it.
 */
public record Volume(
    String name,
    String driver,
    Map<String, String> labels,
    Map<String, String> options,
    Instant createdAt,
    Path mountpoint) {

  /** The label dockerd puts on volumes a container created without a name; prune takes those. */
  public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

  public Volume {
    VolumeName.require(name);
    Objects.requireNonNull(driver, "driver");
    labels = Map.copyOf(labels);
    options = Map.copyOf(options);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(mountpoint, "mountpoint");
  }

  public boolean anonymous() {
    return labels.containsKey(ANONYMOUS_LABEL);
  }
}
