package io.jcompose.it;

import io.jcompose.engine.daemon.EngineOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a bundled engine with the default settings leaves on the host while it runs or after:
 * network links with its prefix ({@code jce}), its iptables chains ({@code JCE-...}), mounts under
 * its data root and exec root, its cgroup parent, conmon processes. Taken before and after a test
 * that starts that engine, the difference is what the test left.
 */
record DefaultEngineTraces(Set<String> traces) {

  static final Path SOCKET = EngineOptions.DEFAULT_SOCKET;
  static final Path DATA_ROOT = EngineOptions.DEFAULT_DATA_ROOT;
  static final Path EXEC_ROOT = EngineOptions.HostResources.DEFAULT_EXEC_ROOT;
  private static final String CGROUP_PARENT = EngineOptions.HostResources.DEFAULT_CGROUP_PARENT;

  DefaultEngineTraces {
    traces = Set.copyOf(traces);
  }

  static DefaultEngineTraces take() throws IOException, InterruptedException {
    var traces = new TreeSet<String>();
    for (String line : run("ip", "-o", "link", "show").split("\n")) {
      String[] words = line.trim().split("\\s+");
      if (words.length > 1 && words[1].startsWith("jce")) {
        traces.add("link " + words[1].replaceAll("[:@].*", ""));
      }
    }
    for (String table : List.of("filter", "nat")) {
      for (String rule : run("iptables", "-t", table, "-S").split("\n")) {
        if (rule.startsWith("-N JCE")) {
          traces.add("iptables chain " + table + " " + rule.substring(3));
        }
      }
    }
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String mountPoint = line.split(" ")[4];
      if (mountPoint.startsWith(DATA_ROOT + "/") || mountPoint.startsWith(EXEC_ROOT + "/")) {
        traces.add("mount " + mountPoint);
      }
    }
    Path cgroups = Path.of("/sys/fs/cgroup");
    var hierarchies = new ArrayList<>(List.of(cgroups)); // v2: one; v1: one per controller
    try (Stream<Path> controllers = Files.list(cgroups)) {
      controllers.forEach(hierarchies::add);
    }
    for (Path hierarchy : hierarchies) {
      Path parent = hierarchy.resolve(CGROUP_PARENT.substring(1));
      if (Files.isDirectory(parent)) {
        traces.add("cgroup " + parent);
      }
    }
    ProcessHandle.allProcesses()
        .filter(process -> process.info().command().orElse("").endsWith("/conmon"))
        .forEach(process -> traces.add("conmon " + process.pid()));
    return new DefaultEngineTraces(traces);
  }

  /** The mounts under the engine's data root and exec root. */
  List<String> mounts() {
    return traces.stream().filter(trace -> trace.startsWith("mount ")).sorted().toList();
  }

  /** What {@code later} has that this snapshot had not. */
  List<String> addedIn(DefaultEngineTraces later) {
    var added = new ArrayList<String>();
    for (String trace : new TreeSet<>(later.traces)) {
      if (!traces.contains(trace)) {
        added.add(trace);
      }
    }
    return added;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed");
    }
    return new String(output, StandardCharsets.UTF_8);
  }
}
