package io.jcompose.engine.build;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.layer.LayerDiff;
import io.jcompose.engine.snapshot.Rootfs;
import io.jcompose.engine.snapshot.Snapshotter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An overlay of an image's layers the builder writes into without a container (COPY, ADD, WORKDIR)
 * or reads from ({@code COPY --from}); closing unmounts it and removes its directories.
 */
final class StepRootfs implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Snapshotter snapshots;
  private final Rootfs rootfs;

  private StepRootfs(Snapshotter snapshots, Rootfs rootfs) {
    this.snapshots = snapshots;
    this.rootfs = rootfs;
  }

  /** Mounts the layers (bottom first; none for an empty root) under a fresh name. */
  static StepRootfs mount(Snapshotter snapshots, List<Digest> layers) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    String name = "build-" + HexFormat.of().formatHex(bytes);
    try {
      return new StepRootfs(snapshots, snapshots.prepare(name, layers));
    } catch (RuntimeException e) {
      snapshots.release(name);
      throw e;
    }
  }

  /** The merged root, as a container of the image would see it. */
  Path root() {
    return rootfs.mergedDirectory();
  }

  /**
   * Unmounts the overlay and writes what was changed as a layer tar to {@code tar}; empty when
   * nothing changed.
   */
  Optional<Path> changes(Path tar) {
    snapshots.unmount(rootfs.containerId());
    try {
      boolean unchanged;
      try (Stream<Path> entries = Files.list(rootfs.upperDirectory())) {
        unchanged = entries.findAny().isEmpty();
      }
      if (unchanged) {
        return Optional.empty();
      }
      try (OutputStream out = Files.newOutputStream(tar)) {
        LayerDiff.writeAll(rootfs.upperDirectory(), out);
      }
      return Optional.of(tar);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot write the changes of a build step", e);
    }
  }

  @Override
  public void close() {
    snapshots.release(rootfs.containerId());
  }
}
