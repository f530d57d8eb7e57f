package io.jcompose.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One client connection, on its event loop. Requests are served one at a time, in order: a
 * pipelined request waits in a backlog until the previous response is written. The request body is
 * fed to the request thread as it arrives, and reading pauses while it is not consumed.
 *
 * <p>A request asking for an upgrade switches the inbound side to raw bytes once its headers are
 * read (so stdin sent right after them is never parsed as HTTP). If the handler hijacks, those
 * bytes are the client's stdin; otherwise the HTTP decoder is put back and fed them.
 *
 * <p>The client shutting down its writing side means "stdin ended" on a hijacked connection, and
 * "gone" otherwise (as Go's server treats it): the handler is told, and the connection is closed
 * after the response.
 */
final class Connection extends ChannelInboundHandlerAdapter {

  static final String DECODER = "http-decoder";
  static final String ENCODER = "http-encoder";
  static final String NAME = "connection";

  private static final int MAX_BACKLOG = 32;

  private final Dispatcher dispatcher;
  private final Consumer<ServerNotice> notices;
  private final Object writability = new Object();
  private final ArrayDeque<Object> backlog = new ArrayDeque<>();
  private Channel channel;
  private Exchange current;
  private boolean rawInbound;
  private volatile boolean hijacked;
  private volatile boolean inputEnded;

  Connection(Dispatcher dispatcher, Consumer<ServerNotice> notices) {
    this.dispatcher = dispatcher;
    this.notices = notices;
  }

  static HttpRequestDecoder newDecoder() {
    return new HttpRequestDecoder(
        new HttpDecoderConfig()
            .setMaxInitialLineLength(64 << 10)
            .setMaxHeaderSize(64 << 10)
            .setMaxChunkSize(64 << 10));
  }

  Channel channel() {
    return channel;
  }

  boolean inputEnded() {
    return inputEnded;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    channel = context.channel();
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    if (rawInbound && message instanceof ByteBuf bytes) {
      Exchange exchange = current;
      if (exchange != null) {
        exchange.upgradeInput().offer(bytes);
      } else {
        bytes.release();
      }
    } else {
      accept(message);
    }
    updateAutoRead();
  }

  private void accept(Object message) {
    if (current == null) {
      if (message instanceof HttpRequest request) {
        begin(request);
      }
      if (current != null && message instanceof HttpContent content) {
        receiveContent(content);
      } else {
        ReferenceCountUtil.release(message);
      }
    } else if (!current.requestComplete()) {
      if (message instanceof HttpContent content) {
        receiveContent(content);
      } else {
        ReferenceCountUtil.release(message);
      }
    } else {
      backlog.add(message);
    }
  }

  private void begin(HttpRequest request) {
    if (request.decoderResult().isFailure()) {
      dispatcher.refuseMalformed(channel, request.decoderResult().cause());
      return;
    }
    current = new Exchange(this, request);
    if (HttpUtil.is100ContinueExpected(request)) {
      request.headers().remove(HttpHeaderNames.EXPECT);
      channel.writeAndFlush(
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
    }
    dispatcher.dispatch(current);
  }

  private void receiveContent(HttpContent content) {
    Exchange exchange = current;
    if (content.decoderResult().isFailure()) {
      exchange
          .body()
          .fail(new IOException("malformed request body", content.decoderResult().cause()));
      content.release();
      channel.close();
      return;
    }
    exchange.body().offer(content.content());
    if (content instanceof LastHttpContent) {
      exchange.markRequestComplete();
      exchange.body().end();
      if (exchange.responseDone()) {
        retire();
      } else if (exchange.upgradeRequested()) {
        rawInbound = true;
        channel.pipeline().remove(DECODER);
      }
    }
  }

  /**
   * The request thread is done with {@code exchange}; called on the event loop after its writes.
   *
   * @param close the connection cannot carry another request
   * @param lastWrite the response's last write; a close waits for it
   */
  void finish(Exchange exchange, boolean close, ChannelFuture lastWrite) {
    if (exchange != current) {
      return;
    }
    exchange.markResponseDone();
    if (close || hijacked || (inputEnded && backlog.isEmpty())) {
      lastWrite.addListener(written -> channel.close());
      return;
    }
    if (!exchange.requestComplete()) {
      exchange.body().discard();
      return;
    }
    retire();
  }

  private void retire() {
    Exchange finished = current;
    current = null;
    finished.body().discard();
    if (rawInbound) {
      rawInbound = false;
      List<ByteBuf> unread = finished.upgradeInput().takeUnread();
      channel.pipeline().addBefore(NAME, DECODER, newDecoder());
      unread.forEach(bytes -> channel.pipeline().fireChannelRead(bytes));
    }
    while (!backlog.isEmpty() && (current == null || !current.requestComplete())) {
      accept(backlog.poll());
    }
    if (current == null && inputEnded) {
      channel.close();
    }
    updateAutoRead();
  }

  /** Turns the connection into a raw pipe; blocks the request thread until done. */
  void enterHijack() throws IOException {
    var switched = new CountDownLatch(1);
    onEventLoop(
        () -> {
          hijacked = true;
          if (channel.pipeline().get(ENCODER) != null) {
            channel.pipeline().remove(ENCODER);
          }
          switched.countDown();
        });
    try {
      while (!switched.await(1, TimeUnit.SECONDS)) {
        if (!channel.isOpen()) {
          throw new ClientGoneException();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while hijacking the connection");
    }
  }

  /** Blocks the request thread while the outbound buffer is full. */
  void awaitWritable() throws IOException {
    synchronized (writability) {
      while (channel.isActive() && !channel.isWritable()) {
        try {
          writability.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while writing to the client");
        }
      }
    }
    if (!channel.isActive()) {
      throw new ClientGoneException();
    }
  }

  /** From a reader that drained a buffer: reconsider reading, on the event loop. */
  void resumeReadingLater() {
    onEventLoop(this::updateAutoRead);
  }

  /**
   * Runs {@code action} on the event loop; dropped when the loop has shut down (so has the
   * channel).
   */
  void onEventLoop(Runnable action) {
    try {
      channel.eventLoop().execute(action);
    } catch (RejectedExecutionException e) {
      channel.close();
    }
  }

  private void updateAutoRead() {
    Exchange exchange = current;
    boolean full =
        backlog.size() >= MAX_BACKLOG
            || exchange != null
                && (exchange.body().isFull()
                    || exchange.upgradeInput() != null && exchange.upgradeInput().isFull());
    if (channel.isActive() && channel.config().isAutoRead() == full) {
      channel.config().setAutoRead(!full);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) {
    if (!(event instanceof ChannelInputShutdownEvent)) {
      context.fireUserEventTriggered(event);
      return;
    }
    inputEnded = true;
    Exchange exchange = current;
    if (exchange == null) {
      channel.close();
    } else if (rawInbound) {
      exchange.upgradeInput().end();
    } else if (exchange.responseDone()) {
      channel.close();
    } else {
      if (!exchange.requestComplete()) {
        exchange.body().fail(new IOException("the client ended the request body early"));
      }
      exchange.markClientGone();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext context) {
    synchronized (writability) {
      writability.notifyAll();
    }
    context.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    Exchange exchange = current;
    if (exchange != null) {
      exchange.body().fail(new ClientGoneException());
      if (exchange.upgradeInput() != null) {
        exchange.upgradeInput().fail(new ClientGoneException());
      }
      exchange.markClientGone();
    }
    backlog.forEach(ReferenceCountUtil::release);
    backlog.clear();
    synchronized (writability) {
      writability.notifyAll();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (!(cause instanceof IOException)) {
      notices.accept(new ServerNotice.ConnectionFailed(cause));
    }
    context.close();
  }
}
