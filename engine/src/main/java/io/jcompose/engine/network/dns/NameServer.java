package io.jcompose.engine.network.dns;

import io.jcompose.engine.fault.EngineFault;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Message;

/**
 * A network's DNS server, on UDP and TCP at one address (the gateway's port 53 in production). It
 * answers the names of its {@link NameTable} and forwards the rest to the host's servers.
 *
 * <p>Threads: one receives datagrams and answers local names itself; one accepts TCP connections;
 * forwarded queries and TCP connections run on a small pool that refuses work beyond its size (the
 * client then gets SERVFAIL or a closed connection rather than a queue). All are made by the
 * owner's thread factory and ended by {@link #close()}.
 */
public final class NameServer implements AutoCloseable {

  private static final int WORKERS = 16;
  private static final int TCP_IDLE_MILLIS = 10_000;

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final QueryAnswers answers;
  private final Forwarder forwarder;
  private final ThreadPoolExecutor workers;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
  private final Thread udpLoop;
  private final Thread tcpLoop;

  private NameServer(
      DatagramSocket udp,
      ServerSocket tcp,
      NameTable table,
      Upstreams upstreams,
      ThreadFactory threads) {
    this.udp = udp;
    this.tcp = tcp;
    this.answers = new QueryAnswers(table);
    this.forwarder = new Forwarder(upstreams);
    this.workers =
        new ThreadPoolExecutor(0, WORKERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
    this.udpLoop = threads.newThread(this::serveUdp);
    this.tcpLoop = threads.newThread(this::acceptTcp);
  }

  /**
   * Binds UDP and TCP on {@code address} (port 0: one port the kernel picks, the same for both) and
   * starts serving.
   *
   * @throws EngineFault.Unavailable when the address cannot be bound
   */
  public static NameServer start(
      InetSocketAddress address, NameTable table, Upstreams upstreams, ThreadFactory threads) {
    DatagramSocket udp = null;
    ServerSocket tcp = null;
    try {
      udp = new DatagramSocket(null);
      udp.bind(address);
      tcp = new ServerSocket();
      tcp.setReuseAddress(true);
      tcp.bind(new InetSocketAddress(address.getAddress(), udp.getLocalPort()), 64);
    } catch (IOException e) {
      if (udp != null) {
        udp.close();
      }
      closeQuietly(tcp);
      throw new EngineFault.Unavailable(
          "cannot serve DNS on "
              + address.getAddress().getHostAddress()
              + ":"
              + address.getPort()
              + ": "
              + e.getMessage(),
          e);
    }
    var server = new NameServer(udp, tcp, table, upstreams, threads);
    server.udpLoop.start();
    server.tcpLoop.start();
    return server;
  }

  /** Where it listens (UDP and TCP). */
  public InetSocketAddress address() {
    return (InetSocketAddress) udp.getLocalSocketAddress();
  }

  private void serveUdp() {
    var buffer = new byte[65535];
    while (!udp.isClosed()) {
      var packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (IOException e) {
        return; // closed
      }
      byte[] query = Arrays.copyOf(buffer, packet.getLength());
      SocketAddress client = packet.getSocketAddress();
      QueryAnswers.Decision decision = answers.decide(query);
      if (decision instanceof QueryAnswers.Decision.Reply reply) {
        sendUdp(reply.response().toWire(reply.udpLimit()), client);
      } else if (decision instanceof QueryAnswers.Decision.Forward forward) {
        forwardUdp(query, forward.query(), client);
      }
    }
  }

  private void forwardUdp(byte[] wire, Message query, SocketAddress client) {
    if (!forwarder.hasServers()) {
      sendUdp(QueryAnswers.nameError(query).toWire(QueryAnswers.PLAIN_UDP_LIMIT), client);
      return;
    }
    try {
      workers.execute(
          () ->
              sendUdp(
                  forwarder
                      .forward(wire, false)
                      .orElseGet(
                          () ->
                              QueryAnswers.serverFailure(query)
                                  .toWire(QueryAnswers.PLAIN_UDP_LIMIT)),
                  client));
    } catch (RejectedExecutionException e) {
      sendUdp(QueryAnswers.serverFailure(query).toWire(QueryAnswers.PLAIN_UDP_LIMIT), client);
    }
  }

  private void sendUdp(byte[] reply, SocketAddress client) {
    try {
      udp.send(new DatagramPacket(reply, reply.length, client));
    } catch (IOException e) {
      // the client is gone or the server is closing; DNS clients retry
    }
  }

  private void acceptTcp() {
    while (!tcp.isClosed()) {
      Socket connection;
      try {
        connection = tcp.accept();
      } catch (IOException e) {
        return; // closed
      }
      connections.add(connection);
      try {
        workers.execute(() -> serveTcp(connection));
      } catch (RejectedExecutionException e) {
        connections.remove(connection);
        closeQuietly(connection);
      }
    }
  }

  private void serveTcp(Socket connection) {
    try (connection) {
      connection.setSoTimeout(TCP_IDLE_MILLIS);
      var input = new DataInputStream(connection.getInputStream());
      var output = new DataOutputStream(connection.getOutputStream());
      while (true) {
        int length;
        try {
          length = input.readUnsignedShort();
        } catch (EOFException e) {
          return;
        }
        var query = new byte[length];
        input.readFully(query);
        byte[] reply;
        QueryAnswers.Decision decision = answers.decide(query);
        if (decision instanceof QueryAnswers.Decision.Reply answer) {
          reply = answer.response().toWire();
        } else if (decision instanceof QueryAnswers.Decision.Forward forward) {
          reply =
              forwarder.hasServers()
                  ? forwarder
                      .forward(query, true)
                      .orElseGet(() -> QueryAnswers.serverFailure(forward.query()).toWire())
                  : QueryAnswers.nameError(forward.query()).toWire();
        } else {
          return;
        }
        output.writeShort(reply.length);
        output.write(reply);
        output.flush();
      }
    } catch (IOException e) {
      // idle, reset or closed by close(): the connection ends
    } finally {
      connections.remove(connection);
    }
  }

  /** Stops listening, ends open connections and waits for the threads. */
  @Override
  public void close() {
    udp.close();
    closeQuietly(tcp);
    for (Socket connection : connections) {
      closeQuietly(connection);
    }
    workers.shutdownNow();
    try {
      udpLoop.join();
      tcpLoop.join();
      workers.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
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
