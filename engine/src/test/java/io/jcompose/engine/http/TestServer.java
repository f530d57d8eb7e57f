package io.jcompose.engine.http;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An {@link ApiServer} on a socket in a fresh temporary directory, torn down by close. */
public final class TestServer implements AutoCloseable {

  public final Path directory;
  public final Path socket;
  public final List<ServerNotice> notices = new CopyOnWriteArrayList<>();
  private final MultiThreadIoEventLoopGroup eventLoops;
  private final ExecutorService requests;
  private final ApiServer server;

  private TestServer(List<ApiRouter> routers) throws IOException {
    directory = Files.createTempDirectory("jce-http");
    socket = directory.resolve("engine.sock");
    eventLoops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    requests = Executors.newCachedThreadPool();
    try {
      server =
          ApiServer.bind(
              socket,
              RouteTable.of(routers),
              new ServerSetup(
                  new ServerIdentity("0.1.0-test", ApiVersions.DEFAULT),
                  eventLoops,
                  requests,
                  Clock.systemUTC(),
                  notices::add));
    } catch (RuntimeException e) {
      shutDownThreads();
      deleteDirectory();
      throw e;
    }
  }

  public static TestServer start(ApiRouter... routers) throws IOException {
    return new TestServer(List.of(routers));
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      shutDownThreads();
      deleteDirectory();
    }
  }

  private void shutDownThreads() {
    requests.shutdownNow();
    eventLoops.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private void deleteDirectory() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
