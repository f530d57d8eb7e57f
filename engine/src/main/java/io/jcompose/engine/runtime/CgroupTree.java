package io.jcompose.engine.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The cgroup hierarchies of the host: every v1 controller mounted under {@code /sys/fs/cgroup} and
 * the cgroup2 tree (at {@code /sys/fs/cgroup/unified} on a hybrid host, or {@code /sys/fs/cgroup}
 * itself on a unified one). runc creates a container's cgroup in each and removes it on delete, but
 * leaves the parent ({@code /jcompose}) behind.
 */
final class CgroupTree {

  private final Path mountRoot;

  CgroupTree(Path mountRoot) {
    this.mountRoot = mountRoot;
  }

  static CgroupTree host() {
    return new CgroupTree(Path.of("/sys/fs/cgroup"));
  }

  /** The directory of {@code cgroupPath} in each hierarchy (whether or not it exists). */
  List<Path> directoriesOf(String cgroupPath) {
    String relative = cgroupPath.replaceFirst("^/+", "");
    var directories = new ArrayList<Path>();
    for (Path hierarchy : hierarchies()) {
      directories.add(hierarchy.resolve(relative));
    }
    return directories;
  }

  /**
   * Removes the parent of {@code cgroupPath} from every hierarchy where it holds no cgroup any
   * more. The kernel refuses {@code rmdir} of a cgroup with children, which is the emptiness test.
   */
  void removeParentIfEmpty(String cgroupPath) {
    Path parent = Path.of(cgroupPath).getParent();
    if (parent == null || parent.getNameCount() == 0) {
      return;
    }
    for (Path directory : directoriesOf(parent.toString())) {
      try {
        Files.deleteIfExists(directory);
      } catch (DirectoryNotEmptyException e) {
        // another container's cgroup is still in it
      } catch (FileSystemException e) {
        // EBUSY: a child cgroup or a process is still in it
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove cgroup " + directory, e);
      }
    }
  }

  /**
   * Whether the kernel's OOM killer struck in the cgroup: the {@code oom_kill} count of {@code
   * memory.oom_control} (v1) or {@code memory.events} (v2) is above zero. False when the cgroup is
   * gone.
   */
  boolean oomKilled(String cgroupPath) {
    for (Path directory : directoriesOf(cgroupPath)) {
      for (String file : List.of("memory.oom_control", "memory.events")) {
        try {
          for (String line : Files.readAllLines(directory.resolve(file))) {
            if (line.startsWith("oom_kill ") && !line.substring(9).strip().equals("0")) {
              return true;
            }
          }
        } catch (IOException e) {
          // not this hierarchy's file, or the cgroup is gone
        }
      }
    }
    return false;
  }

  private List<Path> hierarchies() {
    if (Files.exists(mountRoot.resolve("cgroup.controllers"))) {
      return List.of(mountRoot);
    }
    var hierarchies = new LinkedHashSet<Path>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(mountRoot)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry) && Files.exists(entry.resolve("cgroup.procs"))) {
          hierarchies.add(entry.toRealPath());
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return List.copyOf(hierarchies);
  }
}
