package io.jcompose.engine.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Writes a {@link Response} from the request thread, including the streams it produces. */
final class ResponseWriter {

  /** How a response ended: whether the connection must close, and its last write. */
  record Outcome(boolean close, ChannelFuture lastWrite) {}

  private static final byte[] NO_BYTES = new byte[0];

  private final ServerIdentity identity;
  private final Clock clock;
  private final Consumer<ServerNotice> notices;

  ResponseWriter(ServerIdentity identity, Clock clock, Consumer<ServerNotice> notices) {
    this.identity = identity;
    this.clock = clock;
    this.notices = notices;
  }

  Outcome write(Exchange exchange, Response response) {
    boolean keepAlive =
        HttpUtil.isKeepAlive(exchange.request())
            && !exchange.connection().inputEnded()
            && exchange.canDrainRest();
    if (response instanceof Response.JsonStream stream) {
      return writeStream(
          exchange,
          Optional.of("application/json"),
          stream.headers(),
          keepAlive,
          out -> stream.producer().produce(jsonLines(out, stream.lineEnd())));
    }
    if (response instanceof Response.ByteStream stream) {
      return writeStream(
          exchange, stream.contentType(), stream.headers(), keepAlive, stream.producer());
    }
    if (response instanceof Response.Hijack hijack) {
      return exchange.upgradeRequested()
          ? writeUpgrade(exchange, hijack)
          : writeRawUntilClose(exchange, hijack);
    }
    return new Outcome(!keepAlive, writeSimple(exchange, response, !keepAlive));
  }

  /** A response with its whole body at hand: JSON, text or empty. */
  ChannelFuture writeSimple(Exchange exchange, Response response, boolean close) {
    byte[] body;
    String contentType;
    if (response instanceof Response.Json json) {
      contentType = "application/json";
      try {
        body = jsonLine(json.body(), "\n");
      } catch (JsonProcessingException e) {
        notices.accept(
            new ServerNotice.HandlerFailed(exchange.method(), exchange.request().uri(), e));
        String message = "cannot write the response: " + e.getOriginalMessage();
        response = Response.json(500, new ErrorMapper.ErrorBody(message));
        body = errorLine(message);
      }
    } else if (response instanceof Response.Text text) {
      contentType = text.contentType();
      body = text.text().getBytes(StandardCharsets.UTF_8);
    } else {
      contentType = null;
      body = NO_BYTES;
    }
    int status = response.status();
    byte[] sent = exchange.isHead() ? NO_BYTES : body;
    var full =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(sent));
    addCommonHeaders(full.headers(), response.headers());
    if (contentType != null) {
      full.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    if (status != 204 && status != 304 && status >= 200) {
      full.headers().set(HttpHeaderNames.CONTENT_LENGTH, sent.length);
    }
    if (close) {
      full.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return exchange.connection().channel().writeAndFlush(full);
  }

  void refuseMalformed(Channel channel, String message) {
    byte[] body = errorLine(message);
    var full =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(body));
    addCommonHeaders(full.headers(), Map.of());
    full.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    channel.writeAndFlush(full).addListener(written -> channel.close());
  }

  private Outcome writeStream(
      Exchange exchange,
      Optional<String> contentType,
      Map<String, String> extraHeaders,
      boolean keepAlive,
      StreamProducer producer) {
    Channel channel = exchange.connection().channel();
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    addCommonHeaders(head.headers(), extraHeaders);
    contentType.ifPresent(type -> head.headers().set(HttpHeaderNames.CONTENT_TYPE, type));
    HttpUtil.setTransferEncodingChunked(head, true);
    if (!keepAlive) {
      head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    channel.writeAndFlush(head);
    if (exchange.isHead()) {
      return new Outcome(!keepAlive, channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }
    var out = new ChannelOutput(exchange.connection(), true);
    if (!produce(exchange, () -> producer.produce(out))) {
      return new Outcome(true, out.lastWrite());
    }
    return new Outcome(!keepAlive, channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
  }

  private Outcome writeUpgrade(Exchange exchange, Response.Hijack hijack) {
    Channel channel = exchange.connection().channel();
    try {
      exchange.connection().enterHijack();
    } catch (IOException e) {
      return new Outcome(true, channel.newSucceededFuture());
    }
    var head = new StringBuilder("HTTP/1.1 101 UPGRADED\r\n");
    head.append("Content-Type: ").append(hijack.contentType()).append("\r\n");
    head.append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
    var headers = new DefaultHttpHeaders();
    addCommonHeaders(headers, hijack.headers());
    headers.remove(HttpHeaderNames.DATE);
    headers.forEach(
        header ->
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n"));
    head.append("\r\n");
    ByteBuf bytes = Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1);
    channel.writeAndFlush(bytes);
    var out = new ChannelOutput(exchange.connection(), false);
    InputStream in = exchange.upgradeInput();
    produce(exchange, () -> hijack.handler().run(new Hijacked(in, out, true)));
    return new Outcome(true, out.lastWrite());
  }

  private Outcome writeRawUntilClose(Exchange exchange, Response.Hijack hijack) {
    Channel channel = exchange.connection().channel();
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, hijack.contentType());
    addCommonHeaders(head.headers(), hijack.headers());
    channel.writeAndFlush(head);
    var out = new ChannelOutput(exchange.connection(), true);
    if (produce(
        exchange,
        () -> hijack.handler().run(new Hijacked(InputStream.nullInputStream(), out, false)))) {
      return new Outcome(true, channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
    }
    return new Outcome(true, out.lastWrite());
  }

  private interface Production {
    void run() throws IOException, InterruptedException;
  }

  /** Runs a producer after the headers went out; false if it failed (the stream is cut). */
  private boolean produce(Exchange exchange, Production production) {
    try {
      production.run();
      return true;
    } catch (ClientGoneException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception | LinkageError | AssertionError e) {
      if (!exchange.clientGone()) {
        notices.accept(
            new ServerNotice.StreamFailed(exchange.method(), exchange.request().uri(), e));
      }
      return false;
    }
  }

  private void addCommonHeaders(HttpHeaders headers, Map<String, String> extraHeaders) {
    headers
        .set("Api-Version", identity.apiVersions().max().toString())
        .set("Docker-Experimental", "false")
        .set("Ostype", "linux")
        .set(HttpHeaderNames.SERVER, identity.serverHeader())
        .set(HttpHeaderNames.DATE, DateFormatter.format(Date.from(clock.instant())));
    extraHeaders.forEach(headers::set);
  }

  private static byte[] jsonLine(Object item, String lineEnd) throws JsonProcessingException {
    byte[] json = WireJson.mapper().writeValueAsBytes(item);
    byte[] end = lineEnd.getBytes(StandardCharsets.US_ASCII);
    byte[] line = new byte[json.length + end.length];
    System.arraycopy(json, 0, line, 0, json.length);
    System.arraycopy(end, 0, line, json.length, end.length);
    return line;
  }

  private static byte[] errorLine(String message) {
    try {
      return jsonLine(new ErrorMapper.ErrorBody(message), "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error body cannot fail to serialize", e);
    }
  }

  private static JsonLinesProducer.JsonLines jsonLines(OutputStream out, String lineEnd) {
    return item -> out.write(jsonLine(item, lineEnd));
  }

  private record Hijacked(InputStream input, OutputStream output, boolean upgraded)
      implements HijackedConnection {}
}
