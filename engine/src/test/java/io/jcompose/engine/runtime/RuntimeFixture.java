package io.jcompose.engine.runtime;

import io.jcompose.engine.host.HostCommand;
import io.jcompose.engine.oci.BundleWriter;
import io.jcompose.engine.oci.Command;
import io.jcompose.engine.oci.ContainerProcess;
import io.jcompose.engine.oci.EngineLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private runc world for one test: a temp dir holding runc's state root, conmon's exit and socket
 * dirs, bundles and a busybox rootfs, plus a cgroup parent {@code /jcet<random>}. {@link #close()}
 * removes all of it even after a failed test: containers (runc delete --force), conmon processes,
 * cgroups and the temp dir; {@link #leftovers()} says what would remain.
 */
final class RuntimeFixture implements AutoCloseable {

  static final Path BUSYBOX = Path.of("/bin/busybox");
  static final Path TINI = Path.of("/usr/bin/tini-static");

  final String prefix;
  final Path directory;
  final Path rootfs;
  final RuntimeLayout layout;
  final String cgroupParent;
  final BundleWriter bundleWriter;
  final ThreadFactory threads;
  private final AtomicInteger counter = new AtomicInteger();

  private RuntimeFixture(String prefix, Path directory) {
    this.prefix = prefix;
    this.directory = directory;
    this.rootfs = directory.resolve("rootfs");
    this.layout =
        new RuntimeLayout(
            HostCommand.require("runc", "runc"),
            HostCommand.require("conmon", "conmon"),
            directory.resolve("run/runc"),
            directory.resolve("run/exits"),
            directory.resolve("run/socks"));
    this.cgroupParent = "/" + prefix;
    this.bundleWriter = new BundleWriter(EngineLimits.ofThisProcess(), Optional.of(TINI));
    var threadNumber = new AtomicInteger();
    this.threads =
        task -> {
          Thread thread = new Thread(task, prefix + "-" + threadNumber.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
  }

  static RuntimeFixture create() throws IOException {
    String prefix = "jcet" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    Path directory = Files.createTempDirectory(prefix);
    var fixture = new RuntimeFixture(prefix, directory);
    try {
      fixture.buildRootfs();
    } catch (IOException | RuntimeException e) {
      fixture.close();
      throw e;
    }
    return fixture;
  }

  OciRuntime open() {
    return OciRuntime.open(layout, threads);
  }

  String newId() {
    return prefix + "c" + counter.incrementAndGet();
  }

  /** Docker's defaults around {@code args}, in this fixture's cgroup parent. */
  ContainerProcess process(String containerId, String... args) {
    return ContainerProcess.of(Command.of(args), "test", cgroupPath(containerId));
  }

  String cgroupPath(String containerId) {
    return cgroupParent + "/" + containerId;
  }

  ContainerBundle bundle(String containerId, ContainerProcess process) {
    Path directory = this.directory.resolve("bundles").resolve(containerId);
    bundleWriter.write(directory, rootfs, process);
    return new ContainerBundle(directory);
  }

  /** A cgroup directory of this fixture's in any hierarchy. */
  List<Path> cgroupDirectories() {
    var found = new ArrayList<Path>();
    for (Path hierarchy : list(Path.of("/sys/fs/cgroup"))) {
      Path parent = hierarchy.resolve(prefix);
      if (Files.isDirectory(parent)) {
        found.add(parent);
      }
    }
    return found;
  }

  /** Live (non-zombie) conmon processes started for this fixture's containers. */
  List<Long> conmonProcesses() {
    var pids = new ArrayList<Long>();
    for (Path process : list(Path.of("/proc"))) {
      String name = process.getFileName().toString();
      if (!name.chars().allMatch(Character::isDigit)) {
        continue;
      }
      try {
        String cmdline =
            new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
        if (cmdline.contains("conmon") && cmdline.contains(directory.toString())) {
          var conmon = new ConmonProcess(Long.parseLong(name));
          if (conmon.isAlive()) {
            pids.add(conmon.pid());
          }
        }
      } catch (IOException e) {
        // the process is gone
      }
    }
    return pids;
  }

  /** Kills every process whose command line contains {@code text}. */
  void killProcessesMentioning(String text) {
    for (Path process : list(Path.of("/proc"))) {
      String name = process.getFileName().toString();
      if (!name.chars().allMatch(Character::isDigit)) {
        continue;
      }
      try {
        String cmdline = Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8);
        if (cmdline.contains(text)) {
          ProcessHandle.of(Long.parseLong(name)).ifPresent(ProcessHandle::destroyForcibly);
        }
      } catch (IOException e) {
        // the process is gone
      }
    }
  }

  /** runc containers under this fixture's state root. */
  List<String> runcContainers() {
    if (!Files.isDirectory(layout.stateRoot())) {
      return List.of();
    }
    return list(layout.stateRoot()).stream().map(p -> p.getFileName().toString()).toList();
  }

  /** What {@link #close()} would have to clean up, described; empty when nothing is left. */
  List<String> leftovers() {
    var left = new ArrayList<String>();
    runcContainers().forEach(id -> left.add("runc container " + id));
    conmonProcesses().forEach(pid -> left.add("conmon process " + pid));
    cgroupDirectories().forEach(dir -> left.add("cgroup " + dir));
    return left;
  }

  @Override
  public void close() {
    for (String id : runcContainers()) {
      HostCommand.run(
          List.of(
              layout.runc().toString(),
              "--root",
              layout.stateRoot().toString(),
              "delete",
              "--force",
              id));
    }
    for (long pid : conmonProcesses()) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
    for (Path parent : cgroupDirectories()) {
      for (Path child : list(parent)) {
        if (Files.isDirectory(child)) {
          deleteQuietly(child);
        }
      }
      deleteQuietly(parent);
    }
    deleteTree(directory);
  }

  private void buildRootfs() throws IOException {
    Files.createDirectories(rootfs.resolve("bin"));
    Files.createDirectories(rootfs.resolve("etc"));
    Path tmp = Files.createDirectories(rootfs.resolve("tmp"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.copy(BUSYBOX, rootfs.resolve("bin/busybox"));
    String applets = HostCommand.run(BUSYBOX.toString(), "--list-full").orThrow().stdout();
    for (String applet : applets.split("\n")) {
      if (applet.isBlank() || applet.equals("bin/busybox")) {
        continue;
      }
      Path link = rootfs.resolve(applet);
      Files.createDirectories(link.getParent());
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, Path.of("/bin/busybox"));
      }
    }
    Files.writeString(
        rootfs.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
    Files.writeString(
        rootfs.resolve("etc/group"), "root:x:0:\nstaff:x:50:nobody\nnogroup:x:65534:\n");
  }

  private static List<Path> list(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // reported by leftovers()
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(RuntimeFixture::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root, e);
    }
  }
}
