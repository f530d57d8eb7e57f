package io.jcompose.engine.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RouteHandler} answers. The server adds the headers every response carries ({@code
 * Api-Version}, {@code Server}, {@code Date} ...); {@link #withHeader} adds more. Streams are
 * produced after the handler returns, on the same thread, with the headers already flushed.
 */
public sealed interface Response
    permits Response.Json,
        Response.Empty,
        Response.Text,
        Response.JsonStream,
        Response.ByteStream,
        Response.Hijack {

  int status();

  Map<String, String> headers();

  /** A copy of this response with one more header. */
  Response withHeader(String name, String value);

  /** 200 with {@code body} (a wire DTO, a map, a list) as JSON. */
  static Response json(Object body) {
    return new Json(200, body, Map.of());
  }

  static Response json(int status, Object body) {
    return new Json(status, body, Map.of());
  }

  /** No body: 204 No Content, 201 Created, 304 Not Modified, 200 with {@code Content-Length: 0}. */
  static Response empty(int status) {
    return new Empty(status, Map.of());
  }

  static Response text(int status, String contentType, String text) {
    return new Text(status, contentType, text, Map.of());
  }

  /**
   * 200, {@code application/json}, chunked: one JSON object per line ({@code \n}), each flushed as
   * written. For events and wait.
   */
  static Response jsonLines(JsonLinesProducer producer) {
    return new JsonStream("\n", producer, Map.of());
  }

  /** As {@link #jsonLines}, with dockerd's {@code \r\n} after each object: pull, load, build. */
  static Response progress(JsonLinesProducer producer) {
    return new JsonStream("\r\n", producer, Map.of());
  }

  /**
   * 200, chunked bytes (logs: frames from a {@link MultiplexedStream}, or raw for a TTY). Without a
   * content type no {@code Content-Type} header is sent (dockerd's logs below API 1.42).
   */
  static Response stream(Optional<String> contentType, StreamProducer producer) {
    return new ByteStream(contentType, producer, Map.of());
  }

  /**
   * Attach and exec start. With {@code Connection: Upgrade} and {@code Upgrade: tcp} the client
   * gets {@code 101 UPGRADED} and the connection becomes a raw two-way pipe; without them, a 200
   * whose body is the raw output, ended by closing the connection. Either way the connection is
   * closed when the handler returns.
   *
   * @param contentType {@link MultiplexedStream#contentType} tells which one
   */
  static Response hijack(String contentType, HijackHandler handler) {
    return new Hijack(contentType, handler, Map.of());
  }

  private static Map<String, String> plus(Map<String, String> headers, String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    var copy = new HashMap<>(headers);
    copy.put(name, value);
    return copy;
  }

  record Json(int status, Object body, Map<String, String> headers) implements Response {
    public Json {
      Objects.requireNonNull(body, "body");
      headers = Map.copyOf(headers);
    }

    @Override
    public Response withHeader(String name, String value) {
      return new Json(status, body, plus(headers, name, value));
    }
  }

  record Empty(int status, Map<String, String> headers) implements Response {
    public Empty {
      headers = Map.copyOf(headers);
    }

    @Override
    public Response withHeader(String name, String value) {
      return new Empty(status, plus(headers, name, value));
    }
  }

  record Text(int status, String contentType, String text, Map<String, String> headers)
      implements Response {
    public Text {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(text, "text");
      headers = Map.copyOf(headers);
    }

    @Override
    public Response withHeader(String name, String value) {
      return new Text(status, contentType, text, plus(headers, name, value));
    }
  }

  record JsonStream(String lineEnd, JsonLinesProducer producer, Map<String, String> headers)
      implements Response {
    public JsonStream {
      Objects.requireNonNull(lineEnd, "lineEnd");
      Objects.requireNonNull(producer, "producer");
      headers = Map.copyOf(headers);
    }

    @Override
    public int status() {
      return 200;
    }

    @Override
    public Response withHeader(String name, String value) {
      return new JsonStream(lineEnd, producer, plus(headers, name, value));
    }
  }

  record ByteStream(
      Optional<String> contentType, StreamProducer producer, Map<String, String> headers)
      implements Response {
    public ByteStream {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(producer, "producer");
      headers = Map.copyOf(headers);
    }

    @Override
    public int status() {
      return 200;
    }

    @Override
    public Response withHeader(String name, String value) {
      return new ByteStream(contentType, producer, plus(headers, name, value));
    }
  }

  record Hijack(String contentType, HijackHandler handler, Map<String, String> headers)
      implements Response {
    public Hijack {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(handler, "handler");
      headers = Map.copyOf(headers);
    }

    /** 101 when upgraded, 200 otherwise. */
    @Override
    public int status() {
      return 101;
    }

    @Override
    public Response withHeader(String name, String value) {
      return new Hijack(contentType, handler, plus(headers, name, value));
    }
  }
}
