package io.jcompose.engine.leftover;

import io.jcompose.engine.host.HostCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the engine's tests could leave behind on the host, read from the kernel and the file system:
 * network links, network namespaces, iptables chains, mounts, cgroups, conmon processes, temporary
 * directories with the tests' prefixes.
 */
record HostSnapshot(
    Set<String> links,
    Set<String> namespaces,
    Set<String> chains,
    Set<String> mounts,
    Set<String> cgroups,
    Set<String> conmons,
    Set<String> temporaryDirectories) {

  private static final List<String> TEMPORARY_PREFIXES = List.of("jce", "jcet");

  static HostSnapshot take() {
    return new HostSnapshot(
        words(HostCommand.run("ip", "-o", "link", "show").stdout(), 1),
        words(HostCommand.run("ip", "netns", "list").stdout(), 0),
        readChains(),
        readMounts(),
        readCgroups(),
        readConmons(),
        readTemporaryDirectories());
  }

  /** What {@code later} has that this snapshot had not, by kind; empty when nothing was left. */
  List<String> leftoversIn(HostSnapshot later) {
    var found = new ArrayList<String>();
    added("link", links, later.links, found);
    added("network namespace", namespaces, later.namespaces, found);
    added("iptables chain", chains, later.chains, found);
    added("mount", mounts, later.mounts, found);
    added("cgroup", cgroups, later.cgroups, found);
    added("conmon process", conmons, later.conmons, found);
    added("temporary directory", temporaryDirectories, later.temporaryDirectories, found);
    return found;
  }

  private static void added(
      String kind, Set<String> before, Set<String> after, List<String> found) {
    for (String item : after) {
      if (!before.contains(item)) {
        found.add(kind + " " + item);
      }
    }
  }

  /** The {@code index}-th word of each line, without a trailing {@code :} or {@code @peer}. */
  private static Set<String> words(String text, int index) {
    var names = new TreeSet<String>();
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length > index && !parts[index].isEmpty()) {
        String name = parts[index];
        int at = name.indexOf('@');
        name = at > 0 ? name.substring(0, at) : name;
        names.add(name.endsWith(":") ? name.substring(0, name.length() - 1) : name);
      }
    }
    return names;
  }

  private static Set<String> readChains() {
    var chains = new TreeSet<String>();
    for (String table : List.of("filter", "nat")) {
      for (String line : HostCommand.run("iptables", "-t", table, "-S").stdout().split("\n")) {
        if (line.startsWith("-N ")) {
          chains.add(table + "/" + line.substring(3).trim());
        }
      }
    }
    return chains;
  }

  private static Set<String> readMounts() {
    var mounts = new TreeSet<String>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] fields = line.split(" ");
        if (fields.length > 4) {
          mounts.add(fields[4]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return mounts;
  }

  /** Top-level directories of every cgroup hierarchy: where runc puts a container's parent. */
  private static Set<String> readCgroups() {
    var groups = new TreeSet<String>();
    try (Stream<Path> hierarchies = Files.list(Path.of("/sys/fs/cgroup"))) {
      for (Path hierarchy : (Iterable<Path>) hierarchies::iterator) {
        if (!Files.isDirectory(hierarchy)) {
          continue;
        }
        try (Stream<Path> children = Files.list(hierarchy)) {
          children
              .filter(Files::isDirectory)
              .forEach(child -> groups.add(hierarchy.getFileName() + "/" + child.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return groups;
  }

  private static Set<String> readConmons() {
    var processes = new TreeSet<String>();
    ProcessHandle.allProcesses()
        .filter(process -> process.info().command().map(c -> c.endsWith("/conmon")).orElse(false))
        .forEach(process -> processes.add(Long.toString(process.pid())));
    return processes;
  }

  private static Set<String> readTemporaryDirectories() {
    var directories = new TreeSet<String>();
    Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> entries = Files.list(temporary)) {
      entries
          .map(entry -> entry.getFileName().toString())
          .filter(name -> TEMPORARY_PREFIXES.stream().anyMatch(name::startsWith))
          .forEach(directories::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return directories;
  }
}
