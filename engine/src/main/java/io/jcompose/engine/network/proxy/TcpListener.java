package io.jcompose.engine.network.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A published TCP port: each accepted connection gets a connection of its own to the target. */
final class TcpListener implements Readiness {

  private final ServerSocketChannel server;
  private final InetSocketAddress target;
  private final Set<TcpRelay> relays = new HashSet<>();

  TcpListener(ServerSocketChannel server, InetSocketAddress target) {
    this.server = server;
    this.target = target;
  }

  @Override
  public void ready(SelectionKey key) throws IOException {
    SocketChannel client;
    while ((client = server.accept()) != null) {
      SocketChannel upstream = null;
      try {
        client.configureBlocking(false);
        upstream = SocketChannel.open();
        upstream.configureBlocking(false);
        var relay = new TcpRelay(client, upstream, relays::remove);
        relays.add(relay);
        relay.connect(key.selector(), target);
      } catch (IOException e) {
        PortProxy.closeQuietly(client);
        PortProxy.closeQuietly(upstream);
      }
    }
  }

  @Override
  public void close() {
    PortProxy.closeQuietly(server);
    for (TcpRelay relay : List.copyOf(relays)) {
      relay.close();
    }
  }
}
