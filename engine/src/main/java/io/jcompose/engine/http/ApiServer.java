package io.jcompose.engine.http;

import io.jcompose.engine.fault.EngineFault;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The Docker Engine API over HTTP/1.1 on a unix socket: Netty on the JDK's own unix-domain channels
 * (no native transport). The socket file is created with mode 0660 and removed on close.
 */
public final class ApiServer implements AutoCloseable {

  private final Path socketPath;
  private final Channel listener;
  private final ChannelGroup connections;

  private ApiServer(Path socketPath, Channel listener, ChannelGroup connections) {
    this.socketPath = socketPath;
    this.listener = listener;
    this.connections = connections;
  }

  /**
   * Listens on {@code socketPath}. A socket file left by an engine that is gone is replaced; one on
   * which something still answers is not.
   *
   * @throws EngineFault.Conflict when another process answers on the socket, or the path is not a
   *     socket
   * @throws UncheckedIOException when the socket cannot be bound
   */
  public static ApiServer bind(Path socketPath, RouteTable routes, ServerSetup setup) {
    removeStaleSocket(socketPath);
    try {
      Files.createDirectories(socketPath.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + socketPath, e);
    }
    var dispatcher = new Dispatcher(routes, setup);
    ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
    var bootstrap =
        new ServerBootstrap()
            .group(setup.eventLoops())
            .channelFactory(DomainServerChannel::new)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childHandler(
                new ChannelInitializer<>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    connections.add(channel);
                    channel
                        .pipeline()
                        .addLast(Connection.DECODER, Connection.newDecoder())
                        .addLast(Connection.ENCODER, new HttpResponseEncoder())
                        .addLast(Connection.NAME, new Connection(dispatcher, setup.notices()));
                  }
                });
    var bound = bootstrap.bind(UnixDomainSocketAddress.of(socketPath)).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      throw new UncheckedIOException(
          "cannot listen on " + socketPath, asIoException(bound.cause()));
    }
    try {
      Files.setPosixFilePermissions(socketPath, PosixFilePermissions.fromString("rw-rw----"));
    } catch (IOException e) {
      bound.channel().close().awaitUninterruptibly();
      throw new UncheckedIOException("cannot set the mode of " + socketPath, e);
    }
    return new ApiServer(socketPath, bound.channel(), connections);
  }

  public Path socketPath() {
    return socketPath;
  }

  /** Stops listening, closes every connection (streams see their client gone), removes the file. */
  @Override
  public void close() {
    listener.close().awaitUninterruptibly();
    connections.close().awaitUninterruptibly();
    try {
      Files.deleteIfExists(socketPath);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the socket " + socketPath, e);
    }
  }

  private static void removeStaleSocket(Path socketPath) {
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(socketPath, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return;
    }
    if (!attributes.isOther()) {
      throw new EngineFault.Conflict(
          socketPath + " exists and is not a socket; remove it or choose another --host");
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(socketPath));
    } catch (IOException refused) {
      try {
        Files.deleteIfExists(socketPath);
        return;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the stale socket " + socketPath, e);
      }
    }
    throw new EngineFault.Conflict(
        "another engine is listening on " + socketPath + "; stop it or choose another --host");
  }

  private static IOException asIoException(Throwable cause) {
    return cause instanceof IOException io ? io : new IOException(cause);
  }
}
