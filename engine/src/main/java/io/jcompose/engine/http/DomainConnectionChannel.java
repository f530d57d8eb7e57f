package io.jcompose.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.nio.AbstractNioByteChannel;
import io.netty.channel.socket.DuplexChannel;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/**
 * One accepted connection on the engine's unix socket, on the JDK's own unix-domain {@link
 * SocketChannel}.
 *
 * <p>Netty 4.2's {@code NioDomainSocketChannel} closes the whole connection when the client shuts
 * down its write side, because the NIO read loop only honours half-closure for a {@code
 * SocketChannelConfig}. The Docker API needs half-closure: the CLI shuts down its side of an attach
 * right after the 101 and still reads the container's output. This channel is the same NIO byte
 * channel with a {@link DomainConnectionConfig}, so a read EOF becomes a {@code
 * ChannelInputShutdownEvent} and the output stays open.
 */
final class DomainConnectionChannel extends AbstractNioByteChannel implements DuplexChannel {

  private final DomainConnectionConfig config;
  private volatile boolean inputShutdown;
  private volatile boolean outputShutdown;

  DomainConnectionChannel(Channel parent, SocketChannel socket) {
    super(parent, socket);
    this.config = new DomainConnectionConfig(this, socket, this::clearReadPending);
  }

  @Override
  public DomainConnectionConfig config() {
    return config;
  }

  @Override
  protected SocketChannel javaChannel() {
    return (SocketChannel) super.javaChannel();
  }

  @Override
  public boolean isActive() {
    SocketChannel socket = javaChannel();
    return socket.isOpen() && socket.isConnected();
  }

  @Override
  public boolean isInputShutdown() {
    return inputShutdown || !isActive();
  }

  @Override
  protected boolean isInputShutdown0() {
    return isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return outputShutdown || !isActive();
  }

  @Override
  public boolean isShutdown() {
    return isInputShutdown() && isOutputShutdown();
  }

  @Override
  public ChannelFuture shutdownInput() {
    return shutdownInput(newPromise());
  }

  @Override
  public ChannelFuture shutdownInput(ChannelPromise promise) {
    onEventLoop(
        () -> {
          try {
            javaChannel().shutdownInput();
            inputShutdown = true;
            promise.setSuccess();
          } catch (IOException | RuntimeException e) {
            promise.setFailure(e);
          }
        });
    return promise;
  }

  @Override
  public ChannelFuture shutdownOutput() {
    return shutdownOutput(newPromise());
  }

  @Override
  public ChannelFuture shutdownOutput(ChannelPromise promise) {
    onEventLoop(() -> ((AbstractUnsafe) unsafe()).shutdownOutput(promise));
    return promise;
  }

  @Override
  protected void doShutdownOutput() throws Exception {
    javaChannel().shutdownOutput();
    outputShutdown = true;
  }

  @Override
  public ChannelFuture shutdown() {
    return shutdown(newPromise());
  }

  @Override
  public ChannelFuture shutdown(ChannelPromise promise) {
    shutdownOutput()
        .addListener(
            output ->
                shutdownInput()
                    .addListener(
                        input -> {
                          Throwable failure =
                              output.cause() != null ? output.cause() : input.cause();
                          if (failure == null) {
                            promise.setSuccess();
                          } else {
                            promise.setFailure(failure);
                          }
                        }));
    return promise;
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
    try {
      return javaChannel().getRemoteAddress();
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  protected void doBind(SocketAddress localAddress) {
    throw new UnsupportedOperationException("an accepted connection cannot be bound");
  }

  @Override
  protected boolean doConnect(SocketAddress remoteAddress, SocketAddress localAddress) {
    throw new UnsupportedOperationException("an accepted connection cannot connect");
  }

  @Override
  protected void doFinishConnect() {
    throw new UnsupportedOperationException("an accepted connection cannot connect");
  }

  @Override
  protected void doDisconnect() throws Exception {
    doClose();
  }

  @Override
  protected void doClose() throws Exception {
    super.doClose();
    javaChannel().close();
  }

  @Override
  protected int doReadBytes(ByteBuf buffer) throws Exception {
    RecvByteBufAllocator.Handle handle = unsafe().recvBufAllocHandle();
    handle.attemptedBytesRead(buffer.writableBytes());
    return buffer.writeBytes(javaChannel(), handle.attemptedBytesRead());
  }

  @Override
  protected int doWriteBytes(ByteBuf buffer) throws Exception {
    return buffer.readBytes(javaChannel(), buffer.readableBytes());
  }

  @Override
  protected long doWriteFileRegion(FileRegion region) throws Exception {
    return region.transferTo(javaChannel(), region.transferred());
  }

  private void onEventLoop(Runnable action) {
    if (eventLoop().inEventLoop()) {
      action.run();
    } else {
      eventLoop().execute(action);
    }
  }
}
