package io.jcompose.engine.container;

import io.jcompose.engine.runtime.ContainerBundle;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A container's directory under {@code <data-root>/containers}: its OCI bundle (config.json,
 * conmon's log, pid and exit files), its rootfs mount ({@code merged}, with {@code upper} and
 * {@code work}), and the hosts, hostname and resolv.conf files bound into it.
 */
record ContainerDirectory(Path path) {

  ContainerDirectory {
    Objects.requireNonNull(path, "path");
  }

  static ContainerDirectory of(Path containersDirectory, String containerId) {
    return new ContainerDirectory(containersDirectory.resolve(containerId));
  }

  ContainerBundle bundle() {
    return new ContainerBundle(path);
  }

  Path hostsFile() {
    return path.resolve("hosts");
  }

  Path hostnameFile() {
    return path.resolve("hostname");
  }

  Path resolvConfFile() {
    return path.resolve("resolv.conf");
  }

  Path logFile() {
    return bundle().logFile();
  }
}
