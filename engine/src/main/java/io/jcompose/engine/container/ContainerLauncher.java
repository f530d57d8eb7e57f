package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import io.jcompose.engine.host.RootedPath;
import io.jcompose.engine.network.Network;
import io.jcompose.engine.network.Networks;
import io.jcompose.engine.network.PortBinding;
import io.jcompose.engine.network.ResolverOptions;
import io.jcompose.engine.network.dns.ResolverFiles;
import io.jcompose.engine.oci.ContainerProcess;
import io.jcompose.engine.oci.HostFiles;
import io.jcompose.engine.oci.NamespaceChoice;
import io.jcompose.engine.runtime.Stdio;
import io.jcompose.engine.snapshot.Rootfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts a container: mounts its rootfs, fills new volumes from the image, puts it on its networks
 * and publishes its ports, writes its hosts, hostname and resolv.conf files and its bundle, and has
 * conmon and runc run it. A start that fails takes back what it made and leaves the container in
 * the state it was in, with the error recorded.
 */
final class ContainerLauncher {

  private static final Path HOST_HOSTS = Path.of("/etc/hosts");
  private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");

  private final ContainerSubsystems parts;
  private final ContainerRegistry registry;
  private final ContainerEvents events;
  private final HealthMonitor health;

  ContainerLauncher(
      ContainerSubsystems parts,
      ContainerRegistry registry,
      ContainerEvents events,
      HealthMonitor health) {
    this.parts = parts;
    this.registry = registry;
    this.events = events;
    this.health = health;
  }

  /**
   * Starts the container; the caller holds its lock.
   *
   * @param byRestartPolicy counted in {@code RestartCount}
   * @throws EngineFault.NotModified when it runs already
   * @throws EngineFault.Conflict when it is being removed
   */
  void start(ContainerEntry entry, boolean byRestartPolicy) {
    Container container = entry.current();
    switch (container.state().status()) {
      case RUNNING, PAUSED ->
          throw new EngineFault.NotModified("container " + container.id() + " already started");
      case REMOVING, DEAD ->
          throw new EngineFault.Conflict("container is marked for removal and cannot be started");
      default -> {}
    }
    String id = container.id();
    var undo = new Undo();
    try {
      NetworkMode mode = NetworkMode.parse(container.host().networking().networkMode());
      Rootfs rootfs = prepareWithSandbox(container, mode, undo);
      fillNewVolumes(container, rootfs.mergedDirectory());
      if (!container.config().workingDir().isEmpty()) {
        createWorkingDirectory(rootfs.mergedDirectory(), container.config().workingDir());
      }
      NamespaceChoice namespace = joinNetworks(container, mode, undo);
      HostFiles hostFiles = writeHostFiles(container, mode);
      ContainerDirectory directory = parts.directoryOf(id);
      ContainerProcess process =
          ProcessFactory.build(container, namespace, hostFiles, parts.cgroupPath(id));
      parts.bundles().write(directory.path(), rootfs.mergedDirectory(), process);
      createLogFile(directory);
      ContainerConfig.Stdio stdio = container.config().stdio();
      // as dockerd: a client leaving closes the container's stdin only without a TTY (StdinOnce)
      var runtimeStdio =
          new Stdio(stdio.tty(), stdio.openStdin(), stdio.tty() || !stdio.stdinOnce());
      long pid = parts.runtime().create(id, directory.bundle(), runtimeStdio);
      undo.add(() -> deleteFromRuntime(id));
      parts.runtime().start(id);
      Container running =
          container.withState(
              state -> state.started(pid, parts.clock().instant(), byRestartPolicy));
      registry.save(entry, running);
      events.publish(running, "start");
      health.started(running);
    } catch (RuntimeException e) {
      undo.run(e);
      registry.save(entry, container.withState(state -> state.failed(messageOf(e))));
      throw e;
    }
  }

  /**
   * Mounts the rootfs (and makes the runtime's FIFO) and, for a container with a namespace of its
   * own, makes the namespace at the same time on a thread of its own: both are host processes
   * ({@code mount}, {@code mkfifo}, {@code ip}) that do not depend on each other. Both are added to
   * {@code undo}, also when the other one failed.
   */
  private Rootfs prepareWithSandbox(Container container, NetworkMode mode, Undo undo) {
    String id = container.id();
    if (mode instanceof NetworkMode.Host || mode instanceof NetworkMode.Shared) {
      Rootfs rootfs = parts.snapshots().prepare(id, container.layers());
      undo.add(() -> parts.snapshots().unmount(id));
      return rootfs;
    }
    Networks networks = parts.networks();
    var sandboxFailure = new AtomicReference<RuntimeException>();
    Thread sandboxing =
        parts
            .threads()
            .newThread(
                () -> {
                  try {
                    networks.sandbox(id, container.name());
                  } catch (RuntimeException e) {
                    sandboxFailure.set(e);
                  }
                });
    sandboxing.start();
    Rootfs rootfs;
    try {
      rootfs = parts.snapshots().prepare(id, container.layers());
      undo.add(() -> parts.snapshots().unmount(id));
      parts.runtime().prepareCreate(parts.directoryOf(id).bundle());
    } catch (RuntimeException e) {
      awaitSandbox(sandboxing);
      undo.add(() -> networks.release(id));
      if (sandboxFailure.get() != null) {
        e.addSuppressed(sandboxFailure.get());
      }
      throw e;
    }
    boolean interrupted = awaitSandbox(sandboxing);
    undo.add(() -> networks.release(id));
    if (sandboxFailure.get() != null) {
      throw sandboxFailure.get();
    }
    if (interrupted) {
      throw new EngineFault.Internal("interrupted while starting " + id, null);
    }
    return rootfs;
  }

  /**
   * Waits for the namespace thread to end, also when interrupted (its {@code ip} commands are
   * bounded by their timeout), so that what it made is known to the undo steps.
   *
   * @return whether this thread was interrupted meanwhile (its interrupt status is set again)
   */
  private static boolean awaitSandbox(Thread sandboxing) {
    boolean interrupted = false;
    while (true) {
      try {
        sandboxing.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return interrupted;
  }

  /** Plugs the container into its networks; returns the network namespace it runs in. */
  private NamespaceChoice joinNetworks(Container container, NetworkMode mode, Undo undo) {
    String id = container.id();
    Networks networks = parts.networks();
    if (mode instanceof NetworkMode.Host) {
      return NamespaceChoice.HOST;
    }
    if (mode instanceof NetworkMode.Shared shared) {
      Container other = registry.resolve(shared.container()).current();
      if (!other.isRunning()) {
        throw new EngineFault.Conflict(
            "cannot join network of a non running container: " + other.id());
      }
      if (NetworkMode.parse(other.host().networking().networkMode()) instanceof NetworkMode.Host) {
        return NamespaceChoice.HOST;
      }
      return new NamespaceChoice.Join(
          networks
              .namespacePath(other.id())
              .orElse(Path.of("/proc", Long.toString(other.state().pid()), "ns", "net")));
    }
    // made by prepareWithSandbox, which also added its release to the undo steps
    Path namespace = networks.sandbox(id, container.name());
    if (mode instanceof NetworkMode.Bridged) {
      for (NetworkAttachment attachment : container.networks()) {
        Network network = networks.inspect(attachment.networkId());
        networks.connect(id, attachment.networkId(), attachment.request(container.name()));
        events.network("connect", network, id);
      }
      List<PortBinding> bindings = PortPublishing.requested(container);
      if (!bindings.isEmpty()) {
        networks.publish(id, bindings);
      }
    }
    return new NamespaceChoice.Join(namespace);
  }

  private HostFiles writeHostFiles(Container container, NetworkMode mode) {
    if (mode instanceof NetworkMode.Shared shared) {
      ContainerDirectory other = parts.directoryOf(registry.resolve(shared.container()).id());
      return new HostFiles(
          Optional.of(other.resolvConfFile()),
          Optional.of(other.hostsFile()),
          Optional.of(other.hostnameFile()));
    }
    String id = container.id();
    String hostname = container.config().hostname();
    HostSettings.Networking networking = container.host().networking();
    List<ResolverFiles.HostEntry> extraHosts = extraHosts(networking.extraHosts());
    String hosts;
    String resolvConf;
    var resolver =
        new ResolverOptions(networking.dns(), networking.dnsSearch(), networking.dnsOptions());
    if (mode instanceof NetworkMode.Host) {
      var text = new StringBuilder(read(HOST_HOSTS));
      extraHosts.forEach(
          entry ->
              text.append(entry.address())
                  .append('\t')
                  .append(String.join(" ", entry.names()))
                  .append('\n'));
      hosts = text.toString();
      resolvConf =
          resolver.nameservers().isEmpty()
              ? read(HOST_RESOLV_CONF)
              : parts.networks().resolvConf(id, resolver);
    } else {
      hosts = parts.networks().hosts(id, hostname, extraHosts);
      resolvConf = parts.networks().resolvConf(id, resolver);
    }
    ContainerDirectory directory = parts.directoryOf(id);
    write(directory.hostsFile(), hosts);
    write(directory.resolvConfFile(), resolvConf);
    write(directory.hostnameFile(), hostname + "\n");
    return new HostFiles(
        Optional.of(directory.resolvConfFile()),
        Optional.of(directory.hostsFile()),
        Optional.of(directory.hostnameFile()));
  }

  /**
   * Copies what the image has at a volume's destination into the volume, when the volume is still
   * empty (its first use), unless the mount says {@code nocopy}.
   */
  /** Makes a working directory that is missing, as dockerd does. */
  private static void createWorkingDirectory(Path rootfs, String workingDir) {
    try {
      RootedPath.createDirectories(rootfs, workingDir);
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument(
          "cannot create the directory " + workingDir + " in the container", e);
    }
  }

  private static void fillNewVolumes(Container container, Path rootfs) {
    for (MountPoint mount : container.mounts()) {
      if (mount.type() != MountPoint.Type.VOLUME || mount.noCopy()) {
        continue;
      }
      Path data = Path.of(mount.source());
      Path image = RootedPath.inRoot(rootfs, mount.destination());
      if (isEmptyDirectory(data)
          && Files.isDirectory(image, LinkOption.NOFOLLOW_LINKS)
          && !isEmptyDirectory(image)) {
        HostCommand.run("cp", "-a", "--", image + "/.", data.toString()).orThrow();
      }
    }
  }

  private static List<ResolverFiles.HostEntry> extraHosts(List<String> lines) {
    var entries = new ArrayList<ResolverFiles.HostEntry>();
    for (String line : lines) {
      int equals = line.indexOf('=');
      int colon = line.indexOf(':');
      String normalized =
          equals > 0 && (colon < 0 || equals < colon)
              ? line.substring(0, equals) + ":" + line.substring(equals + 1)
              : line;
      try {
        entries.add(ResolverFiles.HostEntry.parse(normalized));
      } catch (IllegalArgumentException e) {
        throw new EngineFault.InvalidArgument(e.getMessage(), e);
      }
    }
    return entries;
  }

  private void deleteFromRuntime(String containerId) {
    try {
      parts.runtime().delete(containerId, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineFault.Internal("interrupted while deleting " + containerId, e);
    } catch (EngineFault.NotFound e) {
      // conmon never got as far as runc create
    }
  }

  private static void createLogFile(ContainerDirectory directory) {
    try {
      if (!Files.exists(directory.logFile())) {
        Files.createFile(directory.logFile());
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot create " + directory.logFile(), e);
    }
  }

  private static boolean isEmptyDirectory(Path directory) {
    if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      return !entries.iterator().hasNext();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot write " + file, e);
    }
  }

  static String messageOf(Throwable failure) {
    return failure.getMessage() == null ? failure.toString() : failure.getMessage();
  }
}
