package io.jcompose.engine.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A response body written from a request thread: every write is flushed (streams are read live),
 * and a write waits while the connection's outbound buffer is over its high water mark, so a slow
 * client slows the producer instead of filling memory. Writes throw {@link ClientGoneException}
 * once the connection is closed.
 */
final class ChannelOutput extends OutputStream {

  private final Connection connection;
  private final Channel channel;
  private final boolean asHttpContent;
  private ChannelFuture lastWrite;

  /**
   * @param asHttpContent wrap bytes as HTTP content (chunked or length-less bodies) rather than
   *     write them raw (a hijacked connection, the HTTP encoder gone)
   */
  ChannelOutput(Connection connection, boolean asHttpContent) {
    this.connection = connection;
    this.channel = connection.channel();
    this.asHttpContent = asHttpContent;
    this.lastWrite = channel.newSucceededFuture();
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    if (length == 0) {
      return;
    }
    connection.awaitWritable();
    var buffer = Unpooled.copiedBuffer(bytes, offset, length);
    lastWrite = channel.writeAndFlush(asHttpContent ? new DefaultHttpContent(buffer) : buffer);
  }

  synchronized ChannelFuture lastWrite() {
    return lastWrite;
  }
}
