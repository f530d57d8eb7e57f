package io.jcompose.engine.archive;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory (or file) mounted into a container: a volume, a bind, the hosts files.
 *
 * @param destination the absolute path inside the container
 * @param source where it is on the host
 */
public record MountedDirectory(String destination, Path source, boolean readOnly) {

  public MountedDirectory {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(source, "source");
    destination = ContainerPath.normalize(destination);
  }
}
