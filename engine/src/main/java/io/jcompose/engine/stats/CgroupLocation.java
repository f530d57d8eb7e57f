package io.jcompose.engine.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a process's cgroup is on this host, in each hierarchy: the v1 directory of each controller
 * ({@code /sys/fs/cgroup/memory/jcompose/<id>}) and the cgroup2 directory ({@code
 * /sys/fs/cgroup/unified/jcompose/<id>} on a hybrid host, {@code /sys/fs/cgroup/jcompose/<id>} on a
 * unified one). Read from {@code /proc/<pid>/cgroup} and the engine's mount table, so it holds
 * whichever layout the host has.
 *
 * @param controllers v1 controller name to its directory
 * @param unified the cgroup2 directory, if cgroup2 is mounted
 */
public record CgroupLocation(Map<String, Path> controllers, Optional<Path> unified) {

  public CgroupLocation {
    controllers = Map.copyOf(controllers);
  }

  /**
   * The cgroups of a living process; empty when it is gone.
   *
   * @throws IOException when the mount table cannot be read
   */
  public static Optional<CgroupLocation> ofProcess(long pid) throws IOException {
    List<String> membership;
    try {
      membership = Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"));
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(of(membership, Files.readAllLines(Path.of("/proc/self/mountinfo"))));
  }

  /**
   * @param membership the lines of {@code /proc/<pid>/cgroup}: {@code 4:memory:/jcompose/x}, {@code
   *     0::/jcompose/x}
   * @param mountInfo the lines of {@code /proc/self/mountinfo}
   */
  static CgroupLocation of(List<String> membership, List<String> mountInfo) {
    Map<String, CgroupMount> v1Mounts = new HashMap<>();
    CgroupMount v2Mount = null;
    for (String line : mountInfo) {
      Optional<CgroupMount> mount = CgroupMount.parse(line);
      if (mount.isEmpty()) {
        continue;
      }
      if (mount.get().unified()) {
        v2Mount = mount.get();
      } else {
        for (String controller : mount.get().controllers()) {
          v1Mounts.put(controller, mount.get());
        }
      }
    }
    Map<String, Path> controllers = new HashMap<>();
    Path unified = null;
    for (String line : membership) {
      String[] fields = line.split(":", 3);
      if (fields.length != 3) {
        continue;
      }
      if (fields[0].equals("0") && fields[1].isEmpty()) {
        if (v2Mount != null) {
          unified = v2Mount.directoryOf(fields[2]).orElse(null);
        }
        continue;
      }
      for (String controller : fields[1].split(",")) {
        CgroupMount mount = v1Mounts.get(controller);
        if (mount != null) {
          mount.directoryOf(fields[2]).ifPresent(path -> controllers.put(controller, path));
        }
      }
    }
    return new CgroupLocation(controllers, Optional.ofNullable(unified));
  }

  /** The v1 directory of a controller ({@code memory}, {@code cpuacct} ...). */
  public Optional<Path> controller(String name) {
    return Optional.ofNullable(controllers.get(name));
  }

  /**
   * Whether the resource controllers live in v1 hierarchies (a v1 or hybrid host) rather than in
   * cgroup2.
   */
  public boolean usesV1() {
    return controllers.containsKey("memory") || controllers.containsKey("cpuacct");
  }

  /** The pids in the cgroup (the container's processes, its execs' too). */
  public List<Long> processes() throws IOException {
    Optional<Path> directory =
        controller("pids")
            .or(() -> controller("memory"))
            .or(() -> controller("freezer"))
            .or(this::unified);
    if (directory.isEmpty()) {
      return List.of();
    }
    return Files.readAllLines(directory.get().resolve("cgroup.procs")).stream()
        .map(String::strip)
        .filter(text -> !text.isEmpty())
        .map(Long::parseLong)
        .toList();
  }
}
