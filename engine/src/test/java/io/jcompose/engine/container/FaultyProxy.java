package io.jcompose.engine.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 in front of a real server that misbehaves on every connection once it
 * has passed {@code limit} bytes towards the client: {@link #cutting} breaks the connection (a
 * registry behind a link that keeps dropping), {@link #stalling} holds it until {@link #release()}
 * (a registry that stops answering in the middle of a blob).
 */
final class FaultyProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final long limit;
  private final boolean cut;
  private final AtomicInteger cuts = new AtomicInteger();
  private final CountDownLatch stalled = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private FaultyProxy(int targetPort, long limit, boolean cut) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.limit = limit;
    this.cut = cut;
    Thread acceptor = new Thread(this::accept, "faulty-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Breaks each connection after {@code limit} bytes towards the client. */
  static FaultyProxy cutting(int targetPort, long limit) throws IOException {
    return new FaultyProxy(targetPort, limit, true);
  }

  /** Holds each connection after {@code limit} bytes towards the client until released. */
  static FaultyProxy stalling(int targetPort, long limit) throws IOException {
    return new FaultyProxy(targetPort, limit, false);
  }

  int port() {
    return server.getLocalPort();
  }

  /** How many connections were broken so far. */
  int cuts() {
    return cuts.get();
  }

  /** Waits until a connection is held. */
  void awaitStalled() throws InterruptedException {
    if (!stalled.await(120, TimeUnit.SECONDS)) {
      throw new AssertionError("no connection through the proxy reached " + limit + " bytes");
    }
  }

  /** Lets every held connection go on. */
  void release() {
    released.countDown();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(upstream);
        relay(
            client.getInputStream(), upstream.getOutputStream(), Long.MAX_VALUE, client, upstream);
        relay(upstream.getInputStream(), client.getOutputStream(), limit, client, upstream);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void relay(InputStream from, OutputStream to, long faultAt, Socket one, Socket other) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              long passed = 0;
              try {
                int count;
                while ((count = from.read(buffer)) >= 0) {
                  if (passed < faultAt && passed + count >= faultAt) {
                    int before = (int) (faultAt - passed);
                    to.write(buffer, 0, before);
                    to.flush();
                    if (cut) {
                      cuts.incrementAndGet();
                      break;
                    }
                    stalled.countDown();
                    released.await();
                    to.write(buffer, before, count - before);
                  } else {
                    to.write(buffer, 0, count);
                  }
                  to.flush();
                  passed += count;
                }
              } catch (IOException broken) {
                // a side closed
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                closeQuietly(one);
                closeQuietly(other);
              }
            },
            "faulty-proxy-relay");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    release();
    server.close();
    sockets.forEach(FaultyProxy::closeQuietly);
  }
}
