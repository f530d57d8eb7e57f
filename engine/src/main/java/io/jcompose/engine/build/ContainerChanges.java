package io.jcompose.engine.build;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.layer.LayerDiff;
import io.jcompose.engine.snapshot.Rootfs;
import io.jcompose.engine.snapshot.Snapshotter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A container's file changes (its overlay upper dir) as a layer tar: what RUN and commit keep. */
final class ContainerChanges {

  private ContainerChanges() {}

  /**
   * @throws EngineFault.Conflict when the container has no rootfs any more
   */
  static void write(Snapshotter snapshots, String containerId, Path tar) throws IOException {
    Rootfs rootfs =
        snapshots
            .rootfs(containerId)
            .orElseThrow(
                () ->
                    new EngineFault.Conflict(
                        "the root filesystem of container " + containerId + " is gone"));
    try (OutputStream layer = Files.newOutputStream(tar)) {
      LayerDiff.write(rootfs.upperDirectory(), layer);
    }
  }
}
