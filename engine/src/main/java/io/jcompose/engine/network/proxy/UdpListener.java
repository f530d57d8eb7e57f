package io.jcompose.engine.network.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A published UDP port. Each client address gets a socket of its own towards the target, so the
 * target's replies can be told apart and sent back to the client they answer; a client silent for
 * {@link PortProxy#UDP_IDLE} is forgotten.
 */
final class UdpListener implements Readiness {

  private static final int MAX_DATAGRAM = 65535;

  /** The socket that speaks to the target for one client. */
  private final class Session implements Readiness {
    final SocketAddress clientAddress;
    final DatagramChannel channel;
    Instant lastUsed;

    Session(SocketAddress clientAddress, DatagramChannel channel, Instant lastUsed) {
      this.clientAddress = clientAddress;
      this.channel = channel;
      this.lastUsed = lastUsed;
    }

    @Override
    public void ready(SelectionKey key) throws IOException {
      while (true) {
        buffer.clear();
        int length;
        try {
          length = channel.read(buffer);
        } catch (java.net.PortUnreachableException e) {
          continue; // the target had nothing listening for an earlier datagram
        }
        if (length <= 0) {
          return;
        }
        buffer.flip();
        listening.send(buffer, clientAddress);
        lastUsed = clock.instant();
      }
    }

    @Override
    public void close() {
      PortProxy.closeQuietly(channel);
      sessions.remove(clientAddress);
    }
  }

  private final DatagramChannel listening;
  private final InetSocketAddress target;
  private final Clock clock;
  private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
  private final Map<SocketAddress, Session> sessions = new HashMap<>();

  UdpListener(DatagramChannel listening, InetSocketAddress target, Clock clock) {
    this.listening = listening;
    this.target = target;
    this.clock = clock;
  }

  @Override
  public void ready(SelectionKey key) throws IOException {
    while (true) {
      buffer.clear();
      SocketAddress client = listening.receive(buffer);
      if (client == null) {
        return;
      }
      buffer.flip();
      Session session = sessions.get(client);
      if (session == null) {
        DatagramChannel channel = DatagramChannel.open();
        try {
          channel.configureBlocking(false);
          channel.connect(target);
          session = new Session(client, channel, clock.instant());
          channel.register(key.selector(), SelectionKey.OP_READ, session);
        } catch (IOException e) {
          PortProxy.closeQuietly(channel);
          continue; // the datagram is dropped, as the network might have
        }
        sessions.put(client, session);
      }
      session.lastUsed = clock.instant();
      try {
        session.channel.write(buffer);
      } catch (java.net.PortUnreachableException e) {
        // an earlier datagram found nothing listening; this one is still sent next time
      }
    }
  }

  /** Closes the sessions last used before {@code cutoff}. */
  void forgetIdle(Instant cutoff) {
    for (Iterator<Session> each = sessions.values().iterator(); each.hasNext(); ) {
      Session session = each.next();
      if (session.lastUsed.isBefore(cutoff)) {
        PortProxy.closeQuietly(session.channel);
        each.remove();
      }
    }
  }

  @Override
  public void close() {
    PortProxy.closeQuietly(listening);
    for (Session session : List.copyOf(sessions.values())) {
      session.close();
    }
  }
}
