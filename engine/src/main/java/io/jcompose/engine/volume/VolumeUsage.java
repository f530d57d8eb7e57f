package io.jcompose.engine.volume;

import java.util.List;

/**
 * Which containers use a volume; the container subsystem answers it. A volume in use cannot be
 * removed or pruned, and is not dangling.
 */
@FunctionalInterface
public interface VolumeUsage {

  /** For engines without containers yet: no volume is ever in use. */
  VolumeUsage NONE = volumeName -> List.of();

  /** The IDs of the containers (running or not) that mount {@code volumeName}; empty if none. */
  List<String> containersUsing(String volumeName);
}
