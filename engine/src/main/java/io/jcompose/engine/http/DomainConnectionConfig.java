package io.jcompose.engine.http;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.MessageSizeEstimator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannelConfig;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * The configuration of a {@link DomainConnectionChannel}. It is a {@link SocketChannelConfig} only
 * so that Netty's NIO read loop honours {@link ChannelOption#ALLOW_HALF_CLOSURE}; the TCP settings
 * mean nothing on a unix socket and are accepted and ignored, while the buffer sizes go to the
 * socket.
 */
final class DomainConnectionConfig extends DefaultChannelConfig implements SocketChannelConfig {

  private final SocketChannel socket;
  private final Runnable clearReadPending;
  private volatile boolean allowHalfClosure;

  DomainConnectionConfig(
      DomainConnectionChannel channel, SocketChannel socket, Runnable clearReadPending) {
    super(channel);
    this.socket = socket;
    this.clearReadPending = clearReadPending;
  }

  @Override
  protected void autoReadCleared() {
    clearReadPending.run();
  }

  @Override
  public Map<ChannelOption<?>, Object> getOptions() {
    return getOptions(
        super.getOptions(),
        ChannelOption.ALLOW_HALF_CLOSURE,
        ChannelOption.SO_SNDBUF,
        ChannelOption.SO_RCVBUF);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getOption(ChannelOption<T> option) {
    if (option == ChannelOption.ALLOW_HALF_CLOSURE) {
      return (T) Boolean.valueOf(isAllowHalfClosure());
    }
    if (option == ChannelOption.SO_SNDBUF) {
      return (T) Integer.valueOf(getSendBufferSize());
    }
    if (option == ChannelOption.SO_RCVBUF) {
      return (T) Integer.valueOf(getReceiveBufferSize());
    }
    return super.getOption(option);
  }

  @Override
  public <T> boolean setOption(ChannelOption<T> option, T value) {
    validate(option, value);
    if (option == ChannelOption.ALLOW_HALF_CLOSURE) {
      setAllowHalfClosure((Boolean) value);
    } else if (option == ChannelOption.SO_SNDBUF) {
      setSendBufferSize((Integer) value);
    } else if (option == ChannelOption.SO_RCVBUF) {
      setReceiveBufferSize((Integer) value);
    } else {
      return super.setOption(option, value);
    }
    return true;
  }

  @Override
  public boolean isAllowHalfClosure() {
    return allowHalfClosure;
  }

  @Override
  public DomainConnectionConfig setAllowHalfClosure(boolean allowHalfClosure) {
    this.allowHalfClosure = allowHalfClosure;
    return this;
  }

  @Override
  public int getSendBufferSize() {
    return socketOption(StandardSocketOptions.SO_SNDBUF);
  }

  @Override
  public DomainConnectionConfig setSendBufferSize(int sendBufferSize) {
    setSocketOption(StandardSocketOptions.SO_SNDBUF, sendBufferSize);
    return this;
  }

  @Override
  public int getReceiveBufferSize() {
    return socketOption(StandardSocketOptions.SO_RCVBUF);
  }

  @Override
  public DomainConnectionConfig setReceiveBufferSize(int receiveBufferSize) {
    setSocketOption(StandardSocketOptions.SO_RCVBUF, receiveBufferSize);
    return this;
  }

  private int socketOption(java.net.SocketOption<Integer> option) {
    try {
      return socket.getOption(option);
    } catch (IOException e) {
      throw new ChannelException(e);
    }
  }

  private void setSocketOption(java.net.SocketOption<Integer> option, int value) {
    try {
      socket.setOption(option, value);
    } catch (IOException e) {
      throw new ChannelException(e);
    }
  }

  // TCP-only settings: meaningless on a unix socket.

  @Override
  public boolean isTcpNoDelay() {
    return false;
  }

  @Override
  public DomainConnectionConfig setTcpNoDelay(boolean tcpNoDelay) {
    return this;
  }

  @Override
  public int getSoLinger() {
    return -1;
  }

  @Override
  public DomainConnectionConfig setSoLinger(int soLinger) {
    return this;
  }

  @Override
  public boolean isKeepAlive() {
    return false;
  }

  @Override
  public DomainConnectionConfig setKeepAlive(boolean keepAlive) {
    return this;
  }

  @Override
  public int getTrafficClass() {
    return 0;
  }

  @Override
  public DomainConnectionConfig setTrafficClass(int trafficClass) {
    return this;
  }

  @Override
  public boolean isReuseAddress() {
    return false;
  }

  @Override
  public DomainConnectionConfig setReuseAddress(boolean reuseAddress) {
    return this;
  }

  @Override
  public DomainConnectionConfig setPerformancePreferences(
      int connectionTime, int latency, int bandwidth) {
    return this;
  }

  // The generic settings, narrowed to this type as SocketChannelConfig requires.

  @Override
  public DomainConnectionConfig setConnectTimeoutMillis(int connectTimeoutMillis) {
    super.setConnectTimeoutMillis(connectTimeoutMillis);
    return this;
  }

  @Override
  @Deprecated
  public DomainConnectionConfig setMaxMessagesPerRead(int maxMessagesPerRead) {
    super.setMaxMessagesPerRead(maxMessagesPerRead);
    return this;
  }

  @Override
  public DomainConnectionConfig setWriteSpinCount(int writeSpinCount) {
    super.setWriteSpinCount(writeSpinCount);
    return this;
  }

  @Override
  public DomainConnectionConfig setAllocator(ByteBufAllocator allocator) {
    super.setAllocator(allocator);
    return this;
  }

  @Override
  public DomainConnectionConfig setRecvByteBufAllocator(RecvByteBufAllocator allocator) {
    super.setRecvByteBufAllocator(allocator);
    return this;
  }

  @Override
  public DomainConnectionConfig setAutoRead(boolean autoRead) {
    super.setAutoRead(autoRead);
    return this;
  }

  @Override
  public DomainConnectionConfig setAutoClose(boolean autoClose) {
    super.setAutoClose(autoClose);
    return this;
  }

  @Override
  public DomainConnectionConfig setMessageSizeEstimator(MessageSizeEstimator estimator) {
    super.setMessageSizeEstimator(estimator);
    return this;
  }

  @Override
  public DomainConnectionConfig setWriteBufferWaterMark(WriteBufferWaterMark waterMark) {
    super.setWriteBufferWaterMark(waterMark);
    return this;
  }
}
