package io.jcompose.engine.daemon;

import io.jcompose.engine.api.EngineFacts;
import io.jcompose.engine.api.HostFacts;
import io.jcompose.engine.api.Inventory;
import io.jcompose.engine.api.SystemRouter;
import io.jcompose.engine.container.ContainerRegistry;
import io.jcompose.engine.container.ContainerService;
import io.jcompose.engine.container.ContainerSubsystems;
import io.jcompose.engine.container.ContainersRouter;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.event.EventsRouter;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.ApiServer;
import io.jcompose.engine.http.RouteTable;
import io.jcompose.engine.http.ServerIdentity;
import io.jcompose.engine.http.ServerNotice;
import io.jcompose.engine.http.ServerSetup;
import io.jcompose.engine.image.ImageFilter;
import io.jcompose.engine.image.ImageStore;
import io.jcompose.engine.network.HostNamespace;
import io.jcompose.engine.network.Networks;
import io.jcompose.engine.oci.BundleWriter;
import io.jcompose.engine.oci.EngineLimits;
import io.jcompose.engine.runtime.OciRuntime;
import io.jcompose.engine.runtime.RuntimeLayout;
import io.jcompose.engine.snapshot.Snapshotter;
import io.jcompose.engine.volume.LocalVolumes;
import io.jcompose.engine.volume.VolumesRouter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The bundled engine: builds every part, serves the Docker API on the unix socket, and owns the
 * threads (Netty's event loops for the socket, a bounded pool for requests). {@link #close} stops
 * it all and removes the socket file.
 *
 * <p>To serve another API resource, construct its router in {@link #start} and add it to the {@code
 * routers} list there.
 */
public final class EngineDaemon implements AutoCloseable {

  /** The Docker-compatible version clients see; testcontainers requires at least 1.6.0. */
  public static final String ENGINE_VERSION = "25.0.0-jcompose";

  /** At most this many requests in flight (streams included); more get a 503. */
  private static final int MAX_REQUESTS = 512;

  /** Threads for exit handling and delayed restarts of containers. */
  private static final int CONTAINER_TASK_THREADS = 4;

  private static final Path TINI = Path.of("/usr/bin/tini-static");

  private final ApiServer server;
  private final EventLoopGroup eventLoops;
  private final ThreadPoolExecutor requests;
  private final ContainerParts containers;
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean closing;

  private EngineDaemon(
      ApiServer server,
      EventLoopGroup eventLoops,
      ThreadPoolExecutor requests,
      ContainerParts containers) {
    this.server = server;
    this.eventLoops = eventLoops;
    this.requests = requests;
    this.containers = containers;
  }

  /**
   * What runs containers, closed in this order: the service (no more exit handling), its task
   * threads, the networks' DNS servers and port proxies, the runtime's exit monitor. Containers
   * keep running under their conmon, bridges and veths stay for them.
   */
  private record ContainerParts(
      ContainerService service,
      ScheduledThreadPoolExecutor tasks,
      Networks networks,
      OciRuntime runtime) {

    void close() {
      try {
        if (service != null) {
          service.close();
        }
      } finally {
        try {
          tasks.shutdown();
          try {
            if (!tasks.awaitTermination(10, TimeUnit.SECONDS)) {
              tasks.shutdownNow();
            }
          } catch (InterruptedException e) {
            tasks.shutdownNow();
            Thread.currentThread().interrupt();
          }
        } finally {
          try {
            if (networks != null) {
              networks.close();
            }
          } finally {
            if (runtime != null) {
              runtime.close();
            }
          }
        }
      }
    }
  }

  /**
   * Starts the engine and returns once it listens.
   *
   * @param notices where the engine's notices go (the daemon prints nothing itself)
   * @throws EngineFault.Conflict when another engine answers on the socket
   * @throws UncheckedIOException when the data root or the socket cannot be set up
   */
  public static EngineDaemon start(EngineOptions options, Consumer<ServerNotice> notices) {
    Clock clock = Clock.systemUTC();
    createDataRoot(options.dataRoot());
    EventLoopGroup eventLoops =
        new MultiThreadIoEventLoopGroup(
            2, new DefaultThreadFactory("engine-io", true), NioIoHandler.newFactory());
    var requests =
        new ThreadPoolExecutor(
            0,
            MAX_REQUESTS,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            requestThreads(notices));
    var containerTasks =
        new ScheduledThreadPoolExecutor(
            CONTAINER_TASK_THREADS, engineThreads("engine-container", notices));
    containerTasks.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    ContainerParts containers = new ContainerParts(null, containerTasks, null, null);
    try {
      Path dataRoot = options.dataRoot();
      var events = new EventBus(clock, EventBus.DEFAULT_HISTORY);
      // The registry comes first: volumes and images ask it which containers use them.
      var registry = ContainerRegistry.open(dataRoot);
      var volumes = new LocalVolumes(dataRoot, events, registry, clock);
      Path containersDirectory = realDirectory(dataRoot.resolve("containers"));
      var snapshots = Snapshotter.open(dataRoot, containersDirectory);
      // The image store: the /images routes must be given this same instance.
      var images =
          ImageStore.open(dataRoot, ContentStore.open(dataRoot), snapshots, registry, clock);
      var runtime =
          OciRuntime.open(
              RuntimeLayout.installed(options.host().execRoot()),
              engineThreads("engine-runtime", notices));
      containers = new ContainerParts(null, containerTasks, null, runtime);
      var networks =
          Networks.open(
              dataRoot.resolve("network"),
              options.host().networks(),
              HostNamespace.current(),
              engineThreads("engine-network", notices),
              clock,
              event -> {});
      containers = new ContainerParts(null, containerTasks, networks, runtime);
      var containerService =
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
                  containerTasks));
      containers = new ContainerParts(containerService, containerTasks, networks, runtime);
      var facts =
          new EngineFacts(
              EngineId.loadOrCreate(options.dataRoot()),
              ENGINE_VERSION,
              options.dataRoot(),
              options.apiVersions(),
              HostFacts.probe());

      List<ApiRouter> routers =
          List.of(
              new SystemRouter(
                  facts,
                  new Inventory(
                      registry::counts,
                      () -> images.list(ImageFilter.ALL).size(),
                      events::listenerCount),
                  clock),
              new EventsRouter(events),
              new VolumesRouter(volumes),
              new ContainersRouter(containerService, clock));

      var setup =
          new ServerSetup(
              new ServerIdentity(jcomposeVersion(), options.apiVersions()),
              eventLoops,
              requests,
              clock,
              notices);
      var server = ApiServer.bind(options.socketPath(), RouteTable.of(routers), setup);
      return new EngineDaemon(server, eventLoops, requests, containers);
    } catch (RuntimeException e) {
      containers.close();
      requests.shutdownNow();
      eventLoops.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
      throw e;
    }
  }

  public Path socketPath() {
    return server.socketPath();
  }

  /** Blocks until {@link #close} has finished. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops serving: connections close, streams end, threads stop, the socket file goes. */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    try {
      server.close();
    } finally {
      try {
        containers.close();
      } finally {
        requests.shutdownNow();
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        try {
          requests.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        closed.countDown();
      }
    }
  }

  /**
   * Runs the engine in the foreground until SIGTERM or SIGINT. Notices go to stderr, one line each.
   */
  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(EngineOptions.USAGE);
      return;
    }
    EngineOptions options;
    try {
      options = EngineOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("jcompose-engine: " + e.getMessage());
      System.err.println(EngineOptions.USAGE);
      System.exit(2);
      return;
    }
    EngineDaemon daemon;
    try {
      daemon = start(options, EngineDaemon::printNotice);
    } catch (EngineFault | UncheckedIOException e) {
      System.err.println("jcompose-engine: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "engine-shutdown"));
    System.err.println("jcompose-engine: serving the Docker API on unix://" + daemon.socketPath());
    try {
      daemon.awaitClose();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void printNotice(ServerNotice notice) {
    System.err.println(Instant.now() + " jcompose-engine: " + describe(notice));
  }

  private static String describe(ServerNotice notice) {
    if (notice instanceof ServerNotice.HandlerFailed failed) {
      return failed.method() + " " + failed.uri() + " failed: " + failed.error();
    } else if (notice instanceof ServerNotice.StreamFailed failed) {
      return failed.method() + " " + failed.uri() + " stream cut: " + failed.error();
    } else if (notice instanceof ServerNotice.RequestRejected rejected) {
      return rejected.method() + " " + rejected.uri() + " refused: no request thread free";
    } else if (notice instanceof ServerNotice.ConnectionFailed failed) {
      return "connection failed: " + failed.error();
    } else if (notice instanceof ServerNotice.ThreadFailed failed) {
      return "thread " + failed.threadName() + " died: " + failed.error();
    }
    return notice.toString();
  }

  private static ThreadFactory requestThreads(Consumer<ServerNotice> notices) {
    return engineThreads("engine-request", notices);
  }

  /** Daemon threads named {@code <name>-N} whose uncaught errors become notices. */
  private static ThreadFactory engineThreads(String name, Consumer<ServerNotice> notices) {
    var counter = new AtomicInteger();
    return work -> {
      var thread = new Thread(work, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler(
          (failed, error) ->
              notices.accept(new ServerNotice.ThreadFailed(failed.getName(), error)));
      return thread;
    };
  }

  private static void createDataRoot(Path dataRoot) {
    try {
      Files.createDirectories(dataRoot);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data root " + dataRoot, e);
    }
  }

  private static Path realDirectory(Path directory) {
    try {
      return Files.createDirectories(directory).toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }

  private static String jcomposeVersion() {
    String version = EngineDaemon.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }
}
