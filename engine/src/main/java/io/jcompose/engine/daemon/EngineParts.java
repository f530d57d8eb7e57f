package io.jcompose.engine.daemon;

import io.jcompose.engine.container.ContainerRegistry;
import io.jcompose.engine.container.ContainerService;
import io.jcompose.engine.container.ContainerSubsystems;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.image.ImageStore;
import io.jcompose.engine.network.HostNamespace;
import io.jcompose.engine.network.Networks;
import io.jcompose.engine.oci.BundleWriter;
import io.jcompose.engine.oci.EngineLimits;
import io.jcompose.engine.registry.Registries;
import io.jcompose.engine.runtime.OciRuntime;
import io.jcompose.engine.runtime.RuntimeLayout;
import io.jcompose.engine.snapshot.Snapshotter;
import io.jcompose.engine.volume.LocalVolumes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The engine's subsystems over one data root, opened in dependency order: the container registry
 * (volumes and images ask it who uses them), local volumes, the snapshotter and image store, the
 * OCI runtime, the networks, the container service on top, and the registry client. The routers of
 * {@link EngineDaemon} are built from these; each exists once per engine.
 *
 * <p>Only one engine opens a data root at a time (a lock on {@code <data-root>/engine.lock}, which
 * the kernel releases when the process dies). {@link #close()} stops the parts in reverse order and
 * leaves the containers running under their conmon, with their bridges and veths.
 */
public final class EngineParts implements AutoCloseable {

  /** Threads for exit handling and delayed restarts of containers. */
  private static final int CONTAINER_TASK_THREADS = 4;

  private static final Path TINI = Path.of("/usr/bin/tini-static");

  private final ContainerRegistry registry;
  private final LocalVolumes volumes;
  private final ImageStore images;
  private final Snapshotter snapshots;
  private final Networks networks;
  private final ContainerService containers;
  private final Registries registries;
  private final Deque<AutoCloseable> closing;

  private EngineParts(
      ContainerRegistry registry,
      LocalVolumes volumes,
      ImageStore images,
      Snapshotter snapshots,
      Networks networks,
      ContainerService containers,
      Registries registries,
      Deque<AutoCloseable> closing) {
    this.registry = registry;
    this.volumes = volumes;
    this.images = images;
    this.snapshots = snapshots;
    this.networks = networks;
    this.containers = containers;
    this.registries = registries;
    this.closing = closing;
  }

  /**
   * Opens every part; what was opened is closed again when a later part fails.
   *
   * @param threads makes the threads of a part, by name ({@code engine-runtime} ...)
   */
  public static EngineParts open(
      EngineOptions options,
      EventBus events,
      Clock clock,
      Function<String, ThreadFactory> threads) {
    Path dataRoot = options.dataRoot();
    Deque<AutoCloseable> closing = new ArrayDeque<>();
    try {
      closing.push(DataRootLock.acquire(dataRoot));
      var registry = ContainerRegistry.open(dataRoot);
      var volumes = new LocalVolumes(dataRoot, events, registry, clock);
      Path containersDirectory = realDirectory(dataRoot.resolve("containers"));
      var snapshots = Snapshotter.open(dataRoot, containersDirectory);
      var images =
          ImageStore.open(dataRoot, ContentStore.open(dataRoot), snapshots, registry, clock);
      var runtime =
          OciRuntime.open(
              RuntimeLayout.installed(options.host().execRoot()), threads.apply("engine-runtime"));
      closing.push(runtime);
      var networks =
          Networks.open(
              dataRoot.resolve("network"),
              options.host().networks(),
              HostNamespace.current(),
              threads.apply("engine-network"),
              clock,
              event -> {});
      closing.push(networks);
      var tasks =
          new ScheduledThreadPoolExecutor(
              CONTAINER_TASK_THREADS, threads.apply("engine-container"));
      tasks.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      closing.push(() -> shutDown(tasks));
      var containers =
          ContainerService.open(
              registry,
              new ContainerSubsystems(
                  containersDirectory,
                  options.host().cgroupParent(),
                  images,
                  snapshots,
                  volumes,
                  runtime,
                  networks,
                  events,
                  new BundleWriter(
                      EngineLimits.ofThisProcess(),
                      Files.isRegularFile(TINI) ? Optional.of(TINI) : Optional.empty()),
                  clock,
                  tasks,
                  threads.apply("engine-exec")));
      closing.push(containers);
      var registries =
          new Registries(
              images,
              options.registries(),
              dataRoot.resolve("registry"),
              threads.apply("engine-registry"));
      closing.push(registries);
      return new EngineParts(
          registry, volumes, images, snapshots, networks, containers, registries, closing);
    } catch (RuntimeException e) {
      closeAll(closing, e);
      throw e;
    }
  }

  /** Which containers use images and volumes; the container counts of {@code /info}. */
  public ContainerRegistry registry() {
    return registry;
  }

  public LocalVolumes volumes() {
    return volumes;
  }

  /** The image store the {@code /images} routes serve. */
  public ImageStore images() {
    return images;
  }

  /** The unpacked layers and overlay mounts (the builder mounts step roots with it). */
  public Snapshotter snapshots() {
    return snapshots;
  }

  /** The networks the {@code /networks} routes serve. */
  public Networks networks() {
    return networks;
  }

  /** The containers; also the {@code NetworkAttachments} of the {@code /networks} routes. */
  public ContainerService containers() {
    return containers;
  }

  /** Pulls and pushes, with their transfer threads. */
  public Registries registries() {
    return registries;
  }

  @Override
  public void close() {
    var failure = new IllegalStateException("closing the engine's parts failed");
    closeAll(closing, failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }

  private static void closeAll(Deque<AutoCloseable> closing, Throwable failure) {
    while (!closing.isEmpty()) {
      try {
        closing.pop().close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void shutDown(ScheduledThreadPoolExecutor tasks) {
    tasks.shutdown();
    try {
      if (!tasks.awaitTermination(10, TimeUnit.SECONDS)) {
        tasks.shutdownNow();
      }
    } catch (InterruptedException e) {
      tasks.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static Path realDirectory(Path directory) {
    try {
      return Files.createDirectories(directory).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }
}
