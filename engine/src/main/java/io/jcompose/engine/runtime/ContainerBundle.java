package io.jcompose.engine.runtime;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A container's bundle directory and the files conmon and the runtime keep in it.
 *
 * @param directory the bundle, holding {@code config.json}
 */
public record ContainerBundle(Path directory) {

  public ContainerBundle {
    Objects.requireNonNull(directory, "directory");
    if (!directory.isAbsolute()) {
      throw new IllegalArgumentException("bundle directory " + directory + " is not absolute");
    }
  }

  public Path configFile() {
    return directory.resolve("config.json");
  }

  /** conmon's k8s-file log of the container's stdout and stderr. */
  public Path logFile() {
    return directory.resolve("ctr.log");
  }

  /** The container's init pid as seen from the host, written by runc. */
  public Path containerPidFile() {
    return directory.resolve("container.pid");
  }

  /** The pid of the conmon watching this container. */
  public Path conmonPidFile() {
    return directory.resolve("conmon.pid");
  }

  /** What conmon's launcher printed (its errors before it could report on the sync pipe). */
  public Path conmonOutputFile() {
    return directory.resolve("conmon.out");
  }

  /** The exit status conmon persists beside the exit directory's copy ({@code -0 <bundle>}). */
  public Path exitFile() {
    return directory.resolve("exit");
  }

  /** Written empty by conmon when the container was OOM-killed. */
  public Path oomFile() {
    return directory.resolve("oom");
  }

  /** The FIFO conmon reports the container pid on (its fd 3). */
  Path syncFifo() {
    return directory.resolve("sync.fifo");
  }
}
