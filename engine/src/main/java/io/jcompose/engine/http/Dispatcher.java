package io.jcompose.engine.http;

import io.jcompose.engine.fault.EngineFault;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Serves each exchange on a request thread: strips and checks the API version, routes, runs the
 * handler, turns failures into answers through the {@link ErrorMapper}, and has the response
 * written.
 */
final class Dispatcher {

  private static final String PAGE_NOT_FOUND = "page not found";

  private final RouteTable routes;
  private final ApiVersions versions;
  private final Executor executor;
  private final Consumer<ServerNotice> notices;
  private final ErrorMapper errors;
  private final ResponseWriter writer;

  Dispatcher(RouteTable routes, ServerSetup setup) {
    this.routes = routes;
    this.versions = setup.identity().apiVersions();
    this.executor = setup.requestExecutor();
    this.notices = setup.notices();
    this.errors = new ErrorMapper(setup.notices());
    this.writer = new ResponseWriter(setup.identity(), setup.clock(), setup.notices());
  }

  /** Event loop: hands the exchange to a request thread, or answers 503 when none is free. */
  void dispatch(Exchange exchange) {
    try {
      executor.execute(() -> serve(exchange));
    } catch (RejectedExecutionException e) {
      notices.accept(new ServerNotice.RequestRejected(exchange.method(), exchange.request().uri()));
      Response busy =
          Response.json(
              503, new ErrorMapper.ErrorBody("the engine is busy; retry the request later"));
      ChannelFuture written = writer.writeSimple(exchange, busy, true);
      exchange.connection().finish(exchange, true, written);
    }
  }

  /** Event loop: a request the decoder could not parse gets a 400 and the connection closes. */
  void refuseMalformed(Channel channel, Throwable cause) {
    writer.refuseMalformed(channel, "malformed HTTP request: " + ErrorMapper.messageOf(cause));
  }

  private void serve(Exchange exchange) {
    try {
      respond(exchange);
    } catch (RuntimeException | Error e) {
      notices.accept(
          new ServerNotice.HandlerFailed(exchange.method(), exchange.request().uri(), e));
      exchange.connection().channel().close();
    }
  }

  private void respond(Exchange exchange) {
    String uri = exchange.request().uri();
    Response response;
    try {
      response = route(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ChannelFuture written =
          writer.writeSimple(
              exchange,
              Response.json(503, new ErrorMapper.ErrorBody("the engine is shutting down")),
              true);
      finishLater(exchange, true, written);
      return;
    } catch (Exception | LinkageError | AssertionError e) {
      response = errors.toResponse(exchange.method(), uri, e);
    }
    ResponseWriter.Outcome outcome = writer.write(exchange, response);
    finishLater(exchange, outcome.close(), outcome.lastWrite());
  }

  private Response route(Exchange exchange) throws Exception {
    RequestTarget target = RequestTarget.parse(exchange.request().uri());
    Optional<RouteTable.Match> match = routes.match(exchange.method(), target.segments());
    if (match.isEmpty()) {
      throw new EngineFault.NotFound(PAGE_NOT_FOUND);
    }
    ApiVersion version = target.version().orElse(versions.max());
    if (version.compareTo(versions.max()) > 0) {
      throw new EngineFault.InvalidArgument(
          "client version "
              + version
              + " is too new. Maximum supported API version is "
              + versions.max());
    }
    if (version.compareTo(versions.min()) < 0) {
      return Response.text(
          400,
          "text/plain; charset=utf-8",
          "client version "
              + version
              + " is too old. Minimum supported API version is "
              + versions.min()
              + ", please upgrade your client to a newer version");
    }
    var request =
        new Request(
            exchange,
            target.path(),
            version,
            match.get().parameters(),
            QueryParameters.parse(target.query()));
    return match.get().route().handler().handle(request);
  }

  private static void finishLater(Exchange exchange, boolean close, ChannelFuture lastWrite) {
    Connection connection = exchange.connection();
    connection.onEventLoop(() -> connection.finish(exchange, close, lastWrite));
  }
}
