package io.jcompose.engine.daemon;

import io.jcompose.engine.api.EngineFacts;
import io.jcompose.engine.api.HostFacts;
import io.jcompose.engine.api.Inventory;
import io.jcompose.engine.api.SystemRouter;
import io.jcompose.engine.build.BuildRouter;
import io.jcompose.engine.build.CommitRouter;
import io.jcompose.engine.container.ArchiveRouter;
import io.jcompose.engine.container.ContainersRouter;
import io.jcompose.engine.container.DiskUsageRouter;
import io.jcompose.engine.container.ExecRouter;
import io.jcompose.engine.container.PauseRouter;
import io.jcompose.engine.container.PruneRouter;
import io.jcompose.engine.container.StatsRouter;
import io.jcompose.engine.container.TopRouter;
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
import io.jcompose.engine.image.ImagesRouter;
import io.jcompose.engine.network.NetworksRouter;
import io.jcompose.engine.volume.VolumesRouter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

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

  private final ApiServer server;
  private final EventLoopGroup eventLoops;
  private final ThreadPoolExecutor requests;
  private final EngineParts parts;
  private final CountDownLatch closed = new CountDownLatch(1);
  private boolean closing;

  private EngineDaemon(
      ApiServer server, EventLoopGroup eventLoops, ThreadPoolExecutor requests, EngineParts parts) {
    this.server = server;
    this.eventLoops = eventLoops;
    this.requests = requests;
    this.parts = parts;
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
    refuseIfServed(options.socketPath());
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
    EngineParts parts = null;
    try {
      var events = new EventBus(clock, EventBus.DEFAULT_HISTORY);
      parts = EngineParts.open(options, events, clock, name -> engineThreads(name, notices));
      var facts =
          new EngineFacts(
              EngineId.loadOrCreate(options.dataRoot()),
              ENGINE_VERSION,
              options.dataRoot(),
              options.apiVersions(),
              HostFacts.probe(),
              List.copyOf(options.registries().insecureRegistries()),
              options.registries().mirrors());

      List<ApiRouter> routers =
          List.of(
              new SystemRouter(
                  facts,
                  new Inventory(
                      parts.registry()::counts, inventoryImages(parts), events::listenerCount),
                  clock),
              new EventsRouter(events),
              new VolumesRouter(parts.volumes()),
              new ImagesRouter(
                  parts.images(), events, parts.registries().pulls(), parts.registries().pushes()),
              new BuildRouter(
                  parts.images(),
                  parts.snapshots(),
                  parts.containers(),
                  parts.registries().pulls(),
                  events,
                  options.dataRoot()),
              new CommitRouter(
                  parts.images(),
                  parts.snapshots(),
                  parts.containers(),
                  events,
                  options.dataRoot()),
              new NetworksRouter(parts.networks(), parts.containers()),
              new ContainersRouter(parts.containers(), clock),
              new ExecRouter(parts.containers()),
              new PauseRouter(parts.containers()),
              new TopRouter(parts.containers()),
              new StatsRouter(parts.containers()),
              new PruneRouter(parts.containers()),
              new DiskUsageRouter(parts.containers()),
              new ArchiveRouter(parts.containers()));

      var setup =
          new ServerSetup(
              new ServerIdentity(jcomposeVersion(), options.apiVersions()),
              eventLoops,
              requests,
              clock,
              notices);
      var server = ApiServer.bind(options.socketPath(), RouteTable.of(routers), setup);
      return new EngineDaemon(server, eventLoops, requests, parts);
    } catch (RuntimeException e) {
      if (parts != null) {
        parts.close();
      }
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

  /**
   * Stops serving: connections close, streams end, request threads stop, then the engine's parts
   * close (containers keep running), and the socket file goes.
   */
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
      requests.shutdownNow();
      try {
        requests.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        parts.close();
      } finally {
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
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

  /**
   * Fails before anything is opened when an engine answers on the socket: a second engine on the
   * same data root would otherwise reconcile the first one's containers before finding out.
   */
  private static void refuseIfServed(Path socketPath) {
    if (!Files.exists(socketPath, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(socketPath));
    } catch (IOException | UnsupportedOperationException nobodyAnswers) {
      return;
    }
    throw new EngineFault.Conflict(
        "another engine is listening on " + socketPath + "; stop it or choose another --host");
  }

  private static void createDataRoot(Path dataRoot) {
    try {
      Files.createDirectories(dataRoot);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data root " + dataRoot, e);
    }
  }

  private static IntSupplier inventoryImages(EngineParts parts) {
    return () -> parts.images().list(ImageFilter.ALL, true).size();
  }

  private static String jcomposeVersion() {
    String version = EngineDaemon.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }
}
