package io.jcompose.engine.network.proxy;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;

/**
 * The userland proxy of published ports: TCP connections and UDP datagrams arriving at a host
 * address are relayed to a container's address, as docker-proxy does. One selector thread serves
 * every port; it is made by the owner's thread factory and ended by {@link #close()}.
 *
 * <p>A port is bound by the caller's thread, so a taken port fails the call that asked for it.
 */
public final class PortProxy implements AutoCloseable {

  /** A UDP "connection" with no datagram in either direction for this long is forgotten. */
  static final Duration UDP_IDLE = Duration.ofSeconds(60);

  private static final long SELECT_MILLIS = 1000;

  private final Selector selector;
  private final Clock clock;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread loop;
  private volatile boolean closing;

  public PortProxy(ThreadFactory threads, Clock clock) {
    this.clock = clock;
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the proxy's selector", e);
    }
    this.loop = threads.newThread(this::run);
    loop.start();
  }

  /**
   * Binds the forward's listening address and starts relaying.
   *
   * @return the open port, which tells the port the kernel picked for port 0
   * @throws EngineFault.Conflict {@code Bind for 0.0.0.0:18080 failed: port is already allocated}
   * @throws EngineFault.InvalidArgument when the address cannot be bound for another reason (an IP
   *     the host does not have)
   */
  public ProxiedPort open(PortForward forward) {
    SelectableChannel channel = bind(forward);
    Readiness listener;
    InetSocketAddress bound;
    try {
      if (forward.protocol() == Protocol.TCP) {
        var server = (ServerSocketChannel) channel;
        bound = (InetSocketAddress) server.getLocalAddress();
        listener = new TcpListener(server, forward.target());
      } else {
        var datagrams = (DatagramChannel) channel;
        bound = (InetSocketAddress) datagrams.getLocalAddress();
        listener = new UdpListener(datagrams, forward.target(), clock);
      }
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot read the address of a bound proxy socket", e);
    }
    var port =
        new ProxiedPort(
            forward.protocol(),
            new InetSocketAddress(forward.listen().getAddress(), bound.getPort()),
            forward.target(),
            this,
            listener);
    onLoop(
        () -> {
          try {
            channel.register(
                selector,
                forward.protocol() == Protocol.TCP ? SelectionKey.OP_ACCEPT : SelectionKey.OP_READ,
                listener);
          } catch (IOException | RuntimeException e) {
            listener.close();
            throw new IllegalStateException("cannot watch " + port.address(), e);
          }
        });
    return port;
  }

  /** Stops one port: its listener and every connection through it. */
  void close(Readiness listener) {
    if (closing) {
      listener.close(); // the loop is ending and closes whatever it still watches
      return;
    }
    onLoop(
        () -> {
          listener.close();
          releaseClosedChannels();
        });
  }

  /**
   * A closed channel that is registered with a selector keeps its socket, and so its port, until
   * the selector's next selection deregisters it; selecting now frees the port before {@link
   * ProxiedPort#close()} returns. Keys found ready meanwhile are handled by the loop as usual.
   */
  private void releaseClosedChannels() {
    try {
      selector.selectNow();
    } catch (IOException e) {
      // the selector is broken; the loop ends and closes everything
    }
  }

  private SelectableChannel bind(PortForward forward) {
    InetSocketAddress listen = forward.listen();
    SelectableChannel channel = null;
    try {
      if (forward.protocol() == Protocol.TCP) {
        var server = ServerSocketChannel.open();
        channel = server;
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(listen, 128);
      } else {
        var datagrams = DatagramChannel.open();
        channel = datagrams;
        datagrams.bind(listen);
      }
      channel.configureBlocking(false);
      return channel;
    } catch (BindException e) {
      closeQuietly(channel);
      String where =
          listen.getAddress().getHostAddress()
              + ":"
              + (listen.getPort() == 0 ? "0" : listen.getPort());
      String reason = String.valueOf(e.getMessage());
      if (reason.contains("already in use")) {
        throw new EngineFault.Conflict("Bind for " + where + " failed: port is already allocated");
      }
      throw new EngineFault.InvalidArgument("Bind for " + where + " failed: " + reason, e);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot open a proxy socket on " + listen, e);
    }
  }

  /** Runs {@code task} on the selector thread and waits for it. */
  private void onLoop(Runnable task) {
    if (Thread.currentThread() == loop) {
      task.run();
      return;
    }
    var done = new CompletableFuture<Void>();
    tasks.add(
        () -> {
          try {
            task.run();
            done.complete(null);
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          }
        });
    if (closing || !loop.isAlive()) {
      tasks.clear();
      throw new IllegalStateException("the port proxy is closed");
    }
    selector.wakeup();
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineFault.Internal("interrupted while changing the port proxy", e);
    } catch (ExecutionException e) {
      throw new EngineFault.Internal("the port proxy failed: " + e.getCause().getMessage(), e);
    }
  }

  private void run() {
    try {
      while (!closing) {
        selector.select(SELECT_MILLIS);
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
        }
        var selected = selector.selectedKeys();
        for (SelectionKey key : selected) {
          var attachment = (Readiness) key.attachment();
          try {
            if (key.isValid()) {
              attachment.ready(key);
            }
          } catch (IOException | RuntimeException e) {
            attachment.close();
          }
        }
        selected.clear();
        var now = clock.instant();
        for (SelectionKey key : selector.keys()) {
          if (key.attachment() instanceof UdpListener udp) {
            udp.forgetIdle(now.minus(UDP_IDLE));
          }
        }
      }
    } catch (IOException | ClosedSelectorException e) {
      // the selector broke or was closed: every channel is closed below
    } finally {
      for (SelectionKey key : new ArrayList<>(selector.keys())) {
        ((Readiness) key.attachment()).close();
      }
      closeQuietly(selector);
      Runnable task;
      while ((task = tasks.poll()) != null) {
        task.run();
      }
    }
  }

  /** Closes every port and connection and waits for the selector thread to end. */
  @Override
  public void close() {
    closing = true;
    selector.wakeup();
    try {
      loop.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void closeQuietly(java.io.Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      // closing for good; nothing is left to do with it
    }
  }
}
