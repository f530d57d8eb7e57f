package io.jcompose.engine.http;

import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.ServerChannel;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.nio.AbstractNioMessageChannel;
import io.netty.channel.nio.NioIoOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * The listening unix socket, on the JDK's own unix-domain {@link ServerSocketChannel}; it accepts
 * {@link DomainConnectionChannel}s (which, unlike Netty's, support half-closure).
 */
final class DomainServerChannel extends AbstractNioMessageChannel implements ServerChannel {

  private static final ChannelMetadata METADATA = new ChannelMetadata(false, 16);
  private static final int BACKLOG = 512;

  private final ChannelConfig config =
      new DefaultChannelConfig(this, new ServerChannelRecvByteBufAllocator()) {};
  private volatile boolean bound;

  DomainServerChannel() {
    super(null, openServerSocket(), NioIoOps.ACCEPT);
  }

  private static ServerSocketChannel openServerSocket() {
    try {
      return ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a unix server socket", e);
    }
  }

  @Override
  protected ServerSocketChannel javaChannel() {
    return (ServerSocketChannel) super.javaChannel();
  }

  @Override
  public ChannelConfig config() {
    return config;
  }

  @Override
  public ChannelMetadata metadata() {
    return METADATA;
  }

  @Override
  public boolean isActive() {
    return isOpen() && bound;
  }

  @Override
  protected void doBind(SocketAddress localAddress) throws Exception {
    javaChannel().bind(localAddress, BACKLOG);
    bound = true;
  }

  @Override
  protected int doReadMessages(List<Object> accepted) throws Exception {
    SocketChannel connection = javaChannel().accept();
    if (connection == null) {
      return 0;
    }
    try {
      accepted.add(new DomainConnectionChannel(this, connection));
      return 1;
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  protected boolean doWriteMessage(Object message, ChannelOutboundBuffer buffer) {
    throw new UnsupportedOperationException("a listening socket writes nothing");
  }

  @Override
  protected boolean doConnect(SocketAddress remoteAddress, SocketAddress localAddress) {
    throw new UnsupportedOperationException("a listening socket does not connect");
  }

  @Override
  protected void doFinishConnect() {
    throw new UnsupportedOperationException("a listening socket does not connect");
  }

  @Override
  protected void doDisconnect() {
    throw new UnsupportedOperationException("a listening socket does not disconnect");
  }

  @Override
  protected void doClose() throws Exception {
    super.doClose();
    javaChannel().close();
  }

  @Override
  protected SocketAddress localAddress0() {
    try {
      return javaChannel().getLocalAddress();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  protected SocketAddress remoteAddress0() {
    return null;
  }
}
