package io.jcompose.engine.container;

import io.jcompose.engine.archive.ContainerFileSystem;
import io.jcompose.engine.archive.MountedDirectory;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.snapshot.Rootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A container's files for the archive routes, whatever its state: a running container's mounted
 * rootfs with its volumes, binds, tmpfs (through its process's root) and hosts files; a container
 * that does not run has its rootfs mounted for the time of the access, under its lock, so it cannot
 * start or go meanwhile.
 */
final class ContainerFiles {

  /** What is done with the files; it runs while they are available. */
  @FunctionalInterface
  interface Access<T> {
    T run(ContainerFileSystem files) throws IOException;
  }

  private final ContainerSubsystems parts;

  ContainerFiles(ContainerSubsystems parts) {
    this.parts = parts;
  }

  /**
   * Runs {@code access} on the container's files. A running container's files are used as they are;
   * the caller may keep using them after this returns (a stop may then cut an access short).
   */
  <T> T with(ContainerEntry entry, Access<T> access) throws IOException {
    Container container = entry.current();
    if (container.isRunning()) {
      return access.run(fileSystem(container, rootOf(container)));
    }
    entry.lock().lock();
    try {
      container = entry.current();
      if (entry.isRemoved()) {
        throw new EngineFault.NotFound("No such container: " + container.id());
      }
      if (container.isRunning()) {
        return access.run(fileSystem(container, rootOf(container)));
      }
      Rootfs rootfs = parts.snapshots().prepare(container.id(), container.layers());
      try {
        return access.run(fileSystem(container, rootfs.mergedDirectory()));
      } finally {
        if (!entry.current().isRunning()) {
          parts.snapshots().unmount(container.id());
        }
      }
    } finally {
      entry.lock().unlock();
    }
  }

  private Path rootOf(Container container) {
    return parts
        .snapshots()
        .rootfs(container.id())
        .map(Rootfs::mergedDirectory)
        .orElseThrow(
            () ->
                new EngineFault.Conflict("the rootfs of container " + container.id() + " is gone"));
  }

  private ContainerFileSystem fileSystem(Container container, Path root) {
    var mounts = new ArrayList<MountedDirectory>();
    for (MountPoint mount : container.mounts()) {
      if (mount.type() == MountPoint.Type.TMPFS) {
        if (container.isRunning() && container.state().pid() > 0) {
          mounts.add(
              new MountedDirectory(
                  mount.destination(),
                  Path.of("/proc", Long.toString(container.state().pid()), "root")
                      .resolve(mount.destination().replaceFirst("^/+", "")),
                  !mount.readWrite()));
        }
      } else if (!mount.source().isEmpty()) {
        mounts.add(
            new MountedDirectory(mount.destination(), Path.of(mount.source()), !mount.readWrite()));
      }
    }
    Set<String> taken =
        mounts.stream().map(MountedDirectory::destination).collect(Collectors.toSet());
    ContainerDirectory directory = parts.directoryOf(container.id());
    Map<String, Path> hostFiles =
        Map.of(
            "/etc/hostname", directory.hostnameFile(),
            "/etc/hosts", directory.hostsFile(),
            "/etc/resolv.conf", directory.resolvConfFile());
    hostFiles.forEach(
        (destination, file) -> {
          if (!taken.contains(destination) && Files.isRegularFile(file)) {
            mounts.add(new MountedDirectory(destination, file, false));
          }
        });
    return new ContainerFileSystem(
        root, container.host().storage().readonlyRootfs(), List.copyOf(mounts));
  }
}
