package io.jcompose.engine.network.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * One proxied TCP connection: bytes are copied both ways through a buffer per direction. A full
 * buffer stops reading from its side until the other side takes the bytes (back-pressure); an
 * end-of-stream is passed on as a half-close once its buffer is drained; the pair is closed when
 * both directions have ended or either side fails.
 */
final class TcpRelay {

  private static final int BUFFER_BYTES = 64 * 1024;

  /** One end of the relay and the bytes read from it, waiting to be written to the other end. */
  private final class Side implements Readiness {
    final SocketChannel channel;
    final ByteBuffer pending = ByteBuffer.allocate(BUFFER_BYTES);
    SelectionKey key;
    boolean ended;
    boolean outputShut;

    Side(SocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public void ready(SelectionKey readyKey) throws IOException {
      if (readyKey.isConnectable()) {
        channel.finishConnect();
      }
      if (readyKey.isReadable() && !ended && pending.hasRemaining()) {
        if (channel.read(pending) < 0) {
          ended = true;
        }
      }
      pump();
    }

    @Override
    public void close() {
      TcpRelay.this.close();
    }
  }

  private final Side client;
  private final Side upstream;
  private final Consumer<TcpRelay> onClose;
  private boolean closed;

  TcpRelay(SocketChannel client, SocketChannel upstream, Consumer<TcpRelay> onClose) {
    this.client = new Side(client);
    this.upstream = new Side(upstream);
    this.onClose = onClose;
  }

  /** Starts connecting to the target; nothing is read from the client until that succeeds. */
  void connect(Selector selector, InetSocketAddress target) throws IOException {
    client.key = client.channel.register(selector, 0, client);
    boolean connected = upstream.channel.connect(target);
    upstream.key =
        upstream.channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, upstream);
    if (connected) {
      pump();
    }
  }

  private void pump() throws IOException {
    if (upstream.channel.isConnectionPending()) {
      return;
    }
    transfer(client, upstream);
    transfer(upstream, client);
    if (client.ended
        && upstream.ended
        && client.pending.position() == 0
        && upstream.pending.position() == 0) {
      close();
      return;
    }
    interest(client, upstream);
    interest(upstream, client);
  }

  private static void transfer(Side from, Side to) throws IOException {
    if (from.pending.position() > 0) {
      from.pending.flip();
      to.channel.write(from.pending);
      from.pending.compact();
    }
    if (from.ended && from.pending.position() == 0 && !to.outputShut) {
      to.outputShut = true;
      to.channel.shutdownOutput();
    }
  }

  private static void interest(Side side, Side other) {
    int ops = 0;
    if (!side.ended && side.pending.hasRemaining()) {
      ops |= SelectionKey.OP_READ;
    }
    if (other.pending.position() > 0) {
      ops |= SelectionKey.OP_WRITE;
    }
    if (side.key.isValid()) {
      side.key.interestOps(ops);
    }
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    PortProxy.closeQuietly(client.channel);
    PortProxy.closeQuietly(upstream.channel);
    onClose.accept(this);
  }
}
