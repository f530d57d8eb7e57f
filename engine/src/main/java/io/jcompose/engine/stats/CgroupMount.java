package io.jcompose.engine.stats;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One cgroup hierarchy in the mount table.
 *
 * @param root the cgroup path the mount shows at its mount point ({@code /} unless the mount was
 *     made inside a cgroup namespace)
 * @param controllers the v1 controllers it holds; empty for cgroup2
 */
record CgroupMount(Path mountPoint, String root, boolean unified, List<String> controllers) {

  private static final Set<String> NOT_CONTROLLERS = Set.of("rw", "ro", "relatime", "noexec");

  CgroupMount {
    controllers = List.copyOf(controllers);
  }

  /**
   * A line of {@code /proc/self/mountinfo}: {@code 32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime -
   * cgroup cgroup rw,cpu}. Empty for a mount that is no cgroup.
   */
  static Optional<CgroupMount> parse(String line) {
    String[] halves = line.split(" - ", 2);
    if (halves.length != 2) {
      return Optional.empty();
    }
    String[] left = halves[0].split(" ");
    String[] right = halves[1].split(" ");
    if (left.length < 5 || right.length < 3) {
      return Optional.empty();
    }
    String type = right[0];
    Path mountPoint = Path.of(unescape(left[4]));
    if (type.equals("cgroup2")) {
      return Optional.of(new CgroupMount(mountPoint, left[3], true, List.of()));
    }
    if (!type.equals("cgroup")) {
      return Optional.empty();
    }
    List<String> controllers =
        List.of(right[2].split(",")).stream()
            .filter(option -> !NOT_CONTROLLERS.contains(option) && !option.contains("="))
            .toList();
    return Optional.of(new CgroupMount(mountPoint, left[3], false, controllers));
  }

  /** The directory of a cgroup path, if this mount shows it. */
  Optional<Path> directoryOf(String cgroupPath) {
    if (root.equals("/")) {
      return Optional.of(mountPoint.resolve(cgroupPath.replaceFirst("^/+", "")));
    }
    if (cgroupPath.equals(root) || cgroupPath.startsWith(root + "/")) {
      return Optional.of(
          mountPoint.resolve(cgroupPath.substring(root.length()).replaceFirst("^/+", "")));
    }
    return Optional.empty();
  }

  private static String unescape(String field) {
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\");
  }
}
