package io.jcompose.engine.build;

import io.jcompose.engine.container.ContainerService;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.image.ImagePulls;
import io.jcompose.engine.image.ImageStore;
import io.jcompose.engine.snapshot.Snapshotter;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the builder uses of the engine.
 *
 * @param dataRoot where the build cache and each build's scratch directory live
 */
record BuildParts(
    ImageStore images,
    Snapshotter snapshots,
    ContainerService containers,
    ImagePulls pulls,
    EventBus events,
    Path dataRoot) {
  BuildParts {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(containers, "containers");
    Objects.requireNonNull(pulls, "pulls");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(dataRoot, "dataRoot");
  }
}
