package io.jcompose.engine.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 in front of a real server that breaks every connection once it has
 * passed {@code limit} bytes towards the client: a registry behind a link that keeps dropping.
 */
final class CuttingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final long limit;
  private final AtomicInteger cuts = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  private CuttingProxy(ServerSocket server, int targetPort, long limit) {
    this.server = server;
    this.targetPort = targetPort;
    this.limit = limit;
  }

  static CuttingProxy start(int targetPort, long limit) throws IOException {
    var proxy =
        new CuttingProxy(
            new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort, limit);
    Thread acceptor = new Thread(proxy::accept, "cutting-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  int port() {
    return server.getLocalPort();
  }

  /** How many connections were broken so far. */
  int cuts() {
    return cuts.get();
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

  private void relay(InputStream from, OutputStream to, long max, Socket one, Socket other) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              long passed = 0;
              try {
                int count;
                while ((count = from.read(buffer)) >= 0) {
                  int allowed = (int) Math.min(count, max - passed);
                  to.write(buffer, 0, allowed);
                  to.flush();
                  passed += allowed;
                  if (passed >= max) {
                    cuts.incrementAndGet();
                    break;
                  }
                }
              } catch (IOException broken) {
                // the other direction closed the sockets
              } finally {
                closeQuietly(one);
                closeQuietly(other);
              }
            },
            "cutting-proxy-relay");
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
    server.close();
    sockets.forEach(CuttingProxy::closeQuietly);
  }
}
